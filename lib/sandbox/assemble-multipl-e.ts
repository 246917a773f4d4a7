/** A MultiPL-E problem and one completion for it. */
export interface MultiplERecord {
  prompt: string;
  completion: string;
  tests: string;
  stop_tokens?: string[];
}

/** The completion up to (not including) the earliest occurrence of any stop token. */
export function truncateAtStopTokens(completion: string, stopTokens: readonly string[] = []): string {
  let end = completion.length;
  for (const token of stopTokens) {
    if (token.length === 0) continue;
    const at = completion.indexOf(token);
    if (at >= 0 && at < end) end = at;
  }
  return completion.slice(0, end);
}

/**
 * The program MultiPL-E runs: prompt + completion cut at the first stop token + "\n" + tests.
 * (For java, cs, cpp and sh the stop token swallows the closing brace; the tests start with it.)
 */
export function assembleMultiplE(record: MultiplERecord): string {
  return `${record.prompt}${truncateAtStopTokens(record.completion, record.stop_tokens)}\n${record.tests}`;
}
