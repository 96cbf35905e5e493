/**
 * A signed session cookie with node:crypto: `session=<user>.<HMAC-SHA256(user)>`. Nobody without
 * SESSION_SECRET can make one, so the proxy knows who is asking before it spends the team's credits.
 * Swap it for your framework's auth (the proxy only needs "who is this, and may they use the API?").
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface Sessions {
  /** The `Set-Cookie` value that signs `user` in (HttpOnly, SameSite=Strict). */
  cookieFor: (user: string) => string;
  /** The signed-in user of a request, or `null` (no cookie, a forged or tampered one). */
  userOf: (request: Request) => string | null;
}

export function createSessions(secret = process.env.SESSION_SECRET ?? randomBytes(32).toString("hex")): Sessions {
  const sign = (user: string) => createHmac("sha256", secret).update(user).digest("base64url");
  return {
    cookieFor: (user) => `session=${encodeURIComponent(user)}.${sign(user)}; Path=/; HttpOnly; SameSite=Strict`,
    userOf(request) {
      const value = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
      const dot = value?.lastIndexOf(".") ?? -1;
      if (!value || dot < 1) return null;
      const user = decodeURIComponent(value.slice(0, dot));
      const given = Buffer.from(value.slice(dot + 1));
      const expected = Buffer.from(sign(user));
      return given.length === expected.length && timingSafeEqual(given, expected) ? user : null;
    },
  };
}
