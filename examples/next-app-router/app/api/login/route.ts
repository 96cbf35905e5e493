/**
 * Demo sign-in: `POST /api/login` with `{"user", "password"}` sets the signed session cookie. The password is
 * DEMO_PASSWORD (`demo` against the simulator); against a real upstream without DEMO_PASSWORD it is off.
 * Replace it with your own sign-in.
 */
import { sessionCookie } from "../../../session";

const password = process.env.DEMO_PASSWORD ?? (process.env.SAAS_LLM_URL ? undefined : "demo");

export async function POST(request: Request): Promise<Response> {
  const body = (await request.json().catch(() => null)) as { user?: unknown; password?: unknown } | null;
  if (password === undefined) return Response.json({ detail: "Sign-in is off: set DEMO_PASSWORD, or wire your own auth" }, { status: 403 });
  if (typeof body?.user !== "string" || !body.user || body.password !== password) return Response.json({ detail: "Wrong user or password" }, { status: 401 });
  const cookie = await sessionCookie(body.user);
  if (!cookie) return Response.json({ detail: "Sessions are off: set SESSION_SECRET" }, { status: 403 });
  return Response.json({ user: body.user }, { headers: { "set-cookie": cookie } });
}
