/**
 * What became of one model request. "cut-off": the answer hit the token limit (finish_reason
 * "length"); "format-refused": the server refused the response_format asked for (the client then
 * asks the next way down; not a failure).
 */
export const CALL_OUTCOMES = ["ok", "invalid-output", "refusal", "cut-off", "format-refused", "rate-limited", "server-error", "timeout", "network", "client-error", "error", "cancelled"] as const;

export type CallOutcome = (typeof CALL_OUTCOMES)[number];
