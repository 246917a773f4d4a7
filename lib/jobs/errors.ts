import { AppError, isAppError } from "@/lib/errors";
import { backoffDelayMs } from "@/lib/domain/backoff";

/** How a failed attempt is treated: retried with backoff, rescheduled, recorded and stopped, or ended as cancelled. */
export type FailureKind = "retryable" | "rate_limited" | "unrecoverable" | "cancelled";

export class RateLimitedError extends Error {
  constructor(message: string, readonly retryAfterMs: number) {
    super(message);
    this.name = "RateLimitedError";
  }
}

export class UnrecoverableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UnrecoverableError";
  }
}

/** The work the job stood for was cancelled elsewhere (e.g. its training job): the job ends "cancelled", not retried. */
export class JobCancelledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobCancelledError";
  }
}

export function classifyFailure(e: unknown): { kind: FailureKind; message: string; retryAfterMs?: number } {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RateLimitedError) return { kind: "rate_limited", message, retryAfterMs: e.retryAfterMs };
  if (e instanceof UnrecoverableError) return { kind: "unrecoverable", message };
  if (e instanceof JobCancelledError) return { kind: "cancelled", message };
  if (isAppError(e)) {
    const unrecoverable = e.status >= 400 && e.status < 500 && e.status !== 429;
    return { kind: unrecoverable ? "unrecoverable" : e.status === 429 ? "rate_limited" : "retryable", message };
  }
  // zod validation of a payload, a syntax error in data: retrying cannot help.
  if (e instanceof Error && (e.name === "ZodError" || e instanceof SyntaxError || e instanceof TypeError)) {
    return { kind: "unrecoverable", message };
  }
  return { kind: "retryable", message };
}

/** The wait before a failed job's next attempt (attempt starts at 1): lib/domain/backoff with equal jitter, capped, whole ms. */
export function backoffMs(attempt: number, baseMs: number, maxMs = 5 * 60_000, random = Math.random): number {
  return Math.round(backoffDelayMs(attempt - 1, { baseMs, maxMs, jitter: "equal" }, random()));
}

export { AppError };
