import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isSessionRevoked } from "@/lib/auth/revocation";

/**
 * Access control. On loopback with no password configured, everyone on this machine is
 * trusted. Otherwise every page and API route needs a session cookie (after signing in
 * with ADMIN_PASSWORD) or `Authorization: Bearer <ADMIN_TOKEN>`. A session cookie is
 * `<id>.<expiry>.<hmac>`; signing out revokes its id (lib/auth/revocation.ts).
 */
export const SESSION_COOKIE = "xi_session";
const SESSION_TTL_MS = 7 * 24 * 3600_000;

interface RequestLike {
  headers: { get(name: string): string | null };
  cookies: { get(name: string): { value: string } | undefined };
}

function secret(): string {
  const e = env();
  return e.SESSION_SECRET ?? createHash("sha256").update(`xinstruct-session:${e.ADMIN_PASSWORD ?? ""}:${e.ADMIN_TOKEN ?? ""}`).digest("hex");
}

function sign(value: string): string {
  return createHmac("sha256", secret()).update(value).digest("base64url");
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSessionToken(now = Date.now()): string {
  const body = `${randomBytes(16).toString("base64url")}.${now + SESSION_TTL_MS}`;
  return `${body}.${sign(body)}`;
}

/** The session a cookie names, when its signature holds and it has not expired (revocation is checked apart). */
export function readSessionToken(token: string | undefined, now = Date.now()): { id: string; expiresAt: Date } | null {
  if (!token) return null;
  const [id, expires, mac] = token.split(".");
  if (!id || !expires || !mac || !safeEqual(mac, sign(`${id}.${expires}`))) return null;
  return Number(expires) > now ? { id, expiresAt: new Date(Number(expires)) } : null;
}

export function verifySessionToken(token: string | undefined, now = Date.now()): boolean {
  return readSessionToken(token, now) !== null;
}

export function checkPassword(password: string): boolean {
  const e = env();
  return Boolean(e.ADMIN_PASSWORD && safeEqual(password, e.ADMIN_PASSWORD));
}

export async function isAuthorized(req: RequestLike, isRevoked: (id: string) => Promise<boolean> = isSessionRevoked): Promise<boolean> {
  const e = env();
  if (!e.authRequired) return true;
  const auth = req.headers.get("authorization");
  if (auth?.startsWith("Bearer ") && e.ADMIN_TOKEN && safeEqual(auth.slice(7), e.ADMIN_TOKEN)) return true;
  const session = readSessionToken(req.cookies.get(SESSION_COOKIE)?.value);
  return session !== null && !(await isRevoked(session.id));
}

export const sessionMaxAgeSeconds = SESSION_TTL_MS / 1000;
