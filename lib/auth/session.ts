import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Access control. On loopback with no password configured, everyone on this machine is
 * trusted. Otherwise every page and API route needs a session cookie (after signing in
 * with ADMIN_PASSWORD) or `Authorization: Bearer <ADMIN_TOKEN>`.
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
  const expires = String(now + SESSION_TTL_MS);
  return `${expires}.${sign(expires)}`;
}

export function verifySessionToken(token: string | undefined, now = Date.now()): boolean {
  if (!token) return false;
  const [expires, mac] = token.split(".");
  if (!expires || !mac || !safeEqual(mac, sign(expires))) return false;
  return Number(expires) > now;
}

export function checkPassword(password: string): boolean {
  const e = env();
  return Boolean(e.ADMIN_PASSWORD && safeEqual(password, e.ADMIN_PASSWORD));
}

export function isAuthorized(req: RequestLike): boolean {
  const e = env();
  if (!e.authRequired) return true;
  const auth = req.headers.get("authorization");
  if (auth?.startsWith("Bearer ") && e.ADMIN_TOKEN && safeEqual(auth.slice(7), e.ADMIN_TOKEN)) return true;
  return verifySessionToken(req.cookies.get(SESSION_COOKIE)?.value);
}

export const sessionMaxAgeSeconds = SESSION_TTL_MS / 1000;
