/**
 * The one retry delay of the app: exponential backoff, capped, with jitter, and a server's
 * Retry-After honoured. Used by the job queue (a failed attempt), the model client (a failed
 * LLM call) and the evaluation client (a failed benchmark request). Pure: callers pass the
 * random number, so a test fixes it.
 */
export interface BackoffPolicy {
  /** the first retry's ceiling; doubled per retry */
  baseMs: number;
  maxMs: number;
  /** "equal": half fixed, half random (never retries at once); "full": anywhere from 0 to the ceiling */
  jitter: "equal" | "full";
  /** a server's Retry-After: the least to wait ("at-least") or the wait itself ("instead"); both capped at maxMs */
  retryAfter?: "at-least" | "instead";
}

/** The wait before retry number `retry` (0 = the first retry); `random` is in [0, 1]. */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: number, retryAfterMs?: number | null): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry));
  const backoff = policy.jitter === "full" ? random * ceiling : ceiling / 2 + (random * ceiling) / 2;
  if (retryAfterMs === undefined || retryAfterMs === null) return backoff;
  return Math.min(policy.maxMs, policy.retryAfter === "instead" ? retryAfterMs : Math.max(backoff, retryAfterMs));
}

/** An HTTP Retry-After value (seconds or a date) in ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
