/**
 * The demo's sign-in: `POST /login` with `{"user", "password"}` sets the signed session cookie. The password
 * is DEMO_PASSWORD (`demo` against the simulator); against a real upstream without DEMO_PASSWORD sign-in is
 * off, so the example can never become an open proxy to real credits. Replace it with your own sign-in.
 */
import type { Sessions } from "./session";

export async function demoLogin(request: Request, sessions: Sessions, { password }: { password: string | undefined }): Promise<Response> {
  if (request.method !== "POST") return Response.json({ detail: "Method Not Allowed" }, { status: 405 });
  if (password === undefined) return Response.json({ detail: "Sign-in is off: set DEMO_PASSWORD, or wire your own auth" }, { status: 403 });
  const body = (await request.json().catch(() => null)) as { user?: unknown; password?: unknown } | null;
  if (typeof body?.user !== "string" || !body.user || body.password !== password) return Response.json({ detail: "Wrong user or password" }, { status: 401 });
  return Response.json({ user: body.user }, { headers: { "set-cookie": sessions.cookieFor(body.user) } });
}
