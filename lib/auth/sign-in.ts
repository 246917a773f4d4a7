import "server-only";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { checkPassword, createSessionToken } from "@/lib/auth/session";
import { clientKey, LoginLimiter } from "@/lib/auth/login-limiter";

// On globalThis: Next bundles a module once per route, and the count must be one per process.
const limiter: LoginLimiter = ((globalThis as unknown as { xinstructLoginLimiter?: LoginLimiter }).xinstructLoginLimiter ??= new LoginLimiter());

/** Checks the password under the rate limit; a session token when it is right. */
export function signIn(headers: { get(name: string): string | null }, password: string): string {
  const client = clientKey(headers, env().TRUST_PROXY_HOPS);
  const wait = limiter.retryAfterSeconds(client);
  if (wait > 0) throw new AppError("rate_limited:login", `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minute(s).`);
  if (!checkPassword(password)) {
    limiter.fail(client);
    throw new AppError("unauthorized:password", "Wrong password.");
  }
  limiter.succeed(client);
  return createSessionToken();
}
