/**
 * Why steps failed, counted by cause: each failed model call and each failed step gets one
 * cause key (from the call's outcome and HTTP status, or the step's failure kind), and the run,
 * its stages and the CLI report the counts per cause in words. Pure.
 */

export interface CauseTally {
  /** steps (work units) that failed with this cause */
  steps: number;
  /** model calls that failed with this cause, in failed and in finished steps */
  calls: number;
  /** one error message as the server or the runtime gave it */
  example?: string;
}

export type FailureCauses = Record<string, CauseTally>;

export interface CallLike {
  outcome: string;
  status?: number;
  error?: string;
}

const MAX_EXAMPLE = 300;

/** The cause of one model call, or null when it did not fail (ok) or was cancelled. */
export function causeOfCall(c: CallLike): string | null {
  // a refused response_format is answered by falling back to the next mode: not a failure of its own
  if (c.outcome === "ok" || c.outcome === "cancelled" || c.outcome === "format-refused") return null;
  if (c.outcome === "client-error" || c.outcome === "server-error" || c.outcome === "rate-limited") {
    if (c.status === undefined) return c.outcome;
    if (c.outcome === "client-error" && /response_format|json_schema|json_object|structured output|guided/i.test(c.error ?? "")) return `response-format:${c.status}`;
    return `http:${c.status}`;
  }
  return c.outcome;
}

/** The cause of a failed step: that of its last failed call, else the step's own failure kind. */
export function causeOfStep(failure: { kind: string }, calls: CallLike[]): string {
  for (let i = calls.length - 1; i >= 0; i--) {
    // a step that ends on a refused format had no mode left to fall back to (or a pinned one)
    const k = calls[i].outcome === "format-refused" ? `response-format:${calls[i].status ?? 400}` : causeOfCall(calls[i]);
    if (k) return k;
  }
  return failure.kind;
}

const HTTP: Record<number, string> = {
  400: "the server rejected the request (400 Bad Request)",
  401: "the server refused the API key (401 Unauthorized)",
  403: "the server refused access (403 Forbidden)",
  404: "the server does not serve this model or URL (404 Not Found)",
  408: "the server timed out the request (408)",
  413: "the request was too large for the server (413)",
  422: "the server could not process the request (422)",
  429: "the server kept rate-limiting the calls (429), retries exhausted",
};

/** A cause in words, for the run page, the run's error line and the CLI. */
export function causeLabel(key: string): string {
  const [kind, arg] = key.split(":");
  const status = Number(arg);
  switch (kind) {
    case "response-format":
      return `the server rejected response_format (${arg})`;
    case "http":
      return HTTP[status] ?? (status >= 500 ? `the server failed (${status}), retries exhausted` : `the server answered ${status}`);
    case "network":
      return "the endpoint could not be reached (connection refused or reset)";
    case "timeout":
      return "the model did not answer within the endpoint's timeout";
    case "invalid-output":
      return "the model's answers did not match the expected JSON";
    case "refusal":
      return "the model refused to answer";
    case "unavailable":
      return "the endpoint stayed unavailable, retries exhausted";
    case "rate-limited":
      return "the server kept rate-limiting the calls, retries exhausted";
    case "server-error":
      return "the server failed, retries exhausted";
    case "client-error":
      return "the server rejected the request";
    case "length":
    case "cut-off":
      return "the answers were cut off at the token limit";
    case "sandbox-unavailable":
      return "the sandbox could not run the language (toolchain unavailable)";
    default:
      return kind === "error" ? "an unexpected error" : kind.replace(/-/g, " ");
  }
}

export function addCause(causes: FailureCauses, key: string, add: { steps?: number; calls?: number; example?: string }): void {
  const t = (causes[key] ??= { steps: 0, calls: 0 });
  t.steps += add.steps ?? 0;
  t.calls += add.calls ?? 0;
  if (!t.example && add.example) t.example = add.example.slice(0, MAX_EXAMPLE);
}

export function mergeCauses(into: FailureCauses, from: FailureCauses | undefined | null): FailureCauses {
  for (const [k, t] of Object.entries(from ?? {})) addCause(into, k, t);
  return into;
}

/** Failed calls of a list of calls, by cause (what a step adds to its stage's tally). */
export function causesOfCalls(calls: CallLike[]): FailureCauses {
  const causes: FailureCauses = {};
  for (const c of calls) {
    const k = causeOfCall(c);
    if (k) addCause(causes, k, { calls: 1, example: c.error });
  }
  return causes;
}

export interface RankedCause extends CauseTally {
  cause: string;
  label: string;
}

/** Causes with the most failed steps first (then the most failed calls). */
export function rankCauses(causes: FailureCauses | null | undefined): RankedCause[] {
  return Object.entries(causes ?? {})
    .map(([cause, t]) => ({ cause, label: causeLabel(cause), ...t }))
    .sort((a, b) => b.steps - a.steps || b.calls - a.calls || a.cause.localeCompare(b.cause));
}
