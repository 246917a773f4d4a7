import type { IngestReport, Snippet } from "./types";

/** Equal-width buckets over [0, maxTokens]; the last bucket includes maxTokens itself. */
export function tokenHistogram(lengths: Iterable<number>, maxTokens: number, buckets = 16): IngestReport["tokenHistogram"] {
  const width = Math.max(1, Math.ceil(maxTokens / buckets));
  const edges = Array.from({ length: buckets + 1 }, (_, i) => i * width);
  const counts = new Array<number>(buckets).fill(0);
  for (const n of lengths) counts[Math.min(buckets - 1, Math.floor(n / width))]++;
  return { edges, counts };
}

/** Per-language files/snippets/tokens of what was kept. */
export function languageDistribution(files: { language: Snippet["language"] }[], snippets: Snippet[]): IngestReport["languages"] {
  const out: IngestReport["languages"] = {};
  for (const f of files) (out[f.language] ??= { files: 0, snippets: 0, tokens: 0 }).files++;
  for (const s of snippets) {
    const l = (out[s.language] ??= { files: 0, snippets: 0, tokens: 0 });
    l.snippets++;
    l.tokens += s.tokens;
  }
  return out;
}

/** Appends to a report list up to `max` entries (counts elsewhere stay exact). */
export function pushCapped<T>(list: T[], items: readonly T[], max: number): void {
  for (const it of items) {
    if (list.length >= max) return;
    list.push(it);
  }
}
