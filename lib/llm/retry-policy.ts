import { APICallError } from "ai";
import { backoffDelayMs, parseRetryAfter } from "@/lib/domain/backoff";

/**
 * How a failed model call is classified and how long to wait before the next attempt:
 * 429, 5xx, timeouts and network errors are retried with exponential backoff (honouring
 * Retry-After); a cancellation or a 4xx is not.
 */

export type CallErrorKind = "rate-limited" | "server-error" | "timeout" | "network" | "cancelled" | "client-error" | "error";

export interface ClassifiedError {
  kind: CallErrorKind;
  retryable: boolean;
  status?: number;
  retryAfterMs?: number;
  message: string;
}

/** Retry-After from a response: OpenAI's `retry-after-ms`, else the standard header (seconds or a date). */
function retryAfterMs(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers["retry-after-ms"]);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  return parseRetryAfter(headers["retry-after"]) ?? undefined;
}

export function classifyError(error: unknown, { cancelled, timedOut }: { cancelled: boolean; timedOut: boolean }): ClassifiedError {
  const message = error instanceof Error ? error.message : String(error);
  if (cancelled) return { kind: "cancelled", retryable: false, message: "cancelled" };
  if (timedOut) return { kind: "timeout", retryable: true, message: "the model did not answer within the endpoint's timeout" };
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const after = retryAfterMs(error.responseHeaders);
    if (status === 429) return { kind: "rate-limited", retryable: true, status, retryAfterMs: after, message };
    if (status !== undefined && status >= 500) return { kind: "server-error", retryable: true, status, retryAfterMs: after, message };
    if (status === 408) return { kind: "timeout", retryable: true, status, message };
    if (status !== undefined) return { kind: "client-error", retryable: false, status, message };
    return { kind: "network", retryable: error.isRetryable, message };
  }
  if (error instanceof TypeError && /fetch|network|socket|ECONN/i.test(message)) return { kind: "network", retryable: true, message };
  return { kind: "error", retryable: false, message };
}

/** The wait before retry `retry` (from 0): lib/domain/backoff with equal jitter, at least Retry-After, capped. */
export function backoffMs(retry: number, policy: { retryBaseDelayMs: number; retryMaxDelayMs: number }, jitter: number, retryAfter?: number): number {
  return backoffDelayMs(retry, { baseMs: policy.retryBaseDelayMs, maxMs: policy.retryMaxDelayMs, jitter: "equal", retryAfter: "at-least" }, jitter, retryAfter);
}
