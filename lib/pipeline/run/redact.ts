/** Replaces every occurrence of a secret (an API key) in a JSON value with a mask. */
export function redactSecrets<T extends object>(value: T, secrets: readonly string[]): T {
  // as the secret appears inside a JSON string (quotes and backslashes escaped)
  const live = secrets.filter((s) => s.length >= 4).map((s) => JSON.stringify(s).slice(1, -1));
  if (live.length === 0) return value;
  const text = JSON.stringify(value);
  if (!live.some((s) => text.includes(s))) return value;
  let out = text;
  for (const s of live) out = out.split(s).join("[redacted]");
  return JSON.parse(out) as T;
}
