import { AppError } from "@/lib/errors";
import { sleepOrAbort } from "@/lib/domain/sleep";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Marks a failure worth another attempt; `retryAfterMs` comes from a Retry-After header. */
export class RetryableError extends Error {
  constructor(message: string, readonly retryAfterMs: number | null = null) {
    super(message);
    this.name = "RetryableError";
  }
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}


/**
 * Runs `attempt` until it succeeds, fails with something other than RetryableError, the
 * signal aborts, or retries run out. Delay: exponential with full jitter, or Retry-After
 * when the server sent one (capped at maxDelayMs).
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (!(e instanceof RetryableError)) throw e;
      if (n >= policy.maxRetries) {
        throw new AppError("unavailable:endpoint", `The model endpoint kept failing after ${n + 1} attempts: ${e.message}`, { cause: e });
      }
      const backoff = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
      await sleepOrAbort(Math.min(policy.maxDelayMs, e.retryAfterMs ?? backoff), signal);
    }
  }
}
