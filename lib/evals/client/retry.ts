import { AppError } from "@/lib/errors";
import { sleepOrAbort } from "@/lib/domain/sleep";
import { backoffDelayMs } from "@/lib/domain/backoff";

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
      await sleepOrAbort(backoffDelayMs(n, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs, jitter: "full", retryAfter: "instead" }, Math.random(), e.retryAfterMs), signal);
    }
  }
}
