/**
 * A signed session cookie with Web Crypto (runs on the Node and the Edge runtime):
 * `session=<user>.<HMAC-SHA256(user)>`. Nobody without SESSION_SECRET can make one. Against a real upstream
 * SESSION_SECRET is required (no session is valid without it); against the simulator a fixed dev secret is
 * used. Swap this file for your auth (NextAuth, Clerk, your own): the proxy only asks "who is this?".
 */
const secret = process.env.SESSION_SECRET ?? (process.env.SAAS_LLM_URL ? undefined : "simulator-only-dev-secret");

async function sign(user: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(user)));
  return btoa(String.fromCharCode(...mac)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The `Set-Cookie` value that signs `user` in, or `null` when sessions are off (no SESSION_SECRET). */
export async function sessionCookie(user: string): Promise<string | null> {
  if (!secret) return null;
  return `session=${encodeURIComponent(user)}.${await sign(user)}; Path=/; HttpOnly; SameSite=Lax`;
}

/** The signed-in user of a request, or `null` (no cookie, a forged or tampered one, sessions off). */
export async function sessionUser(request: Request): Promise<string | null> {
  const value = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  const dot = value?.lastIndexOf(".") ?? -1;
  if (!secret || !value || dot < 1) return null;
  const user = decodeURIComponent(value.slice(0, dot));
  const given = value.slice(dot + 1);
  const expected = await sign(user);
  // Compare every character, so the time taken does not tell how much of a forged MAC was right.
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0 ? user : null;
}
