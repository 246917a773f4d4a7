/**
 * Program assembly exactly as MultiPL-E does it: the completion is cut at the first occurrence
 * of any stop token (MultiPL-E generates with these stop sequences and drops what follows),
 * then program = prompt + completion + "\n" + tests.
 */
export function truncateAtStopTokens(completion: string, stopTokens: readonly string[]): string {
  let cut = completion.length;
  for (const token of stopTokens) {
    if (token === "") continue;
    const at = completion.indexOf(token);
    if (at !== -1 && at < cut) cut = at;
  }
  return completion.slice(0, cut);
}

export function assembleMultiplE(prompt: string, completion: string, stopTokens: readonly string[], tests: string): string {
  return prompt + truncateAtStopTokens(completion, stopTokens) + "\n" + tests;
}
