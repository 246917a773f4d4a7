/**
 * One line of a JSONL corpus: {"content": "<code>", "language"?: "py", "path"?: "src/a.py"}.
 * Pure, shared by the reader and the upload check, so both give the same reason.
 */

export const JSONL_KEYS_HELP = 'each line is a JSON object with "content" (the code, required), "language" (e.g. "py", optional) and "path" (optional)';

export function checkJsonlRecord(text: string): { record: Record<string, unknown> } | { problem: string } {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (e) {
    return { problem: `not valid JSON (${(e as Error).message}); ${JSONL_KEYS_HELP}` };
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) return { problem: `not a JSON object; ${JSONL_KEYS_HELP}` };
  const r = record as Record<string, unknown>;
  if (typeof r.content !== "string") {
    const keys = Object.keys(r);
    const has = r.content === undefined ? `no "content" key (the line has ${keys.length ? keys.map((k) => `"${k}"`).join(", ") : "no keys"})` : `"content" is not a string`;
    return { problem: `${has}; ${JSONL_KEYS_HELP}` };
  }
  if (r.language !== undefined && r.language !== null && typeof r.language !== "string") return { problem: `"language" is not a string; ${JSONL_KEYS_HELP}` };
  if (r.path !== undefined && r.path !== null && typeof r.path !== "string") return { problem: `"path" is not a string; ${JSONL_KEYS_HELP}` };
  return { record: r };
}
