import { languageName } from "./language-names";

/**
 * Chart data of the samples page, prepared from plain aggregates (the database groups, these
 * functions shape): samples per language and per dataset part, the score distribution,
 * the token-length distributions of problems and solutions (the paper's Figure 6) and the
 * pass rate per language. Components only render what these return.
 */
export interface CountGroup {
  language: string;
  part: string;
  verdict: string | null;
  n: number;
}
export interface ScoreGroup {
  score: number | null;
  n: number;
}

export const PART_ORDER = ["ds1", "ds2", "ds3", "ds4"] as const;
export const partLabel = (p: string) => p.replace(/^ds/, "Ds");

export interface LanguageBar {
  language: string;
  label: string;
  total: number;
  ds1: number;
  ds2: number;
  ds3: number;
  ds4: number;
}

/** Samples per language, split by part (a stacked bar), most samples first. */
export function samplesPerLanguage(groups: CountGroup[]): LanguageBar[] {
  const by = new Map<string, LanguageBar>();
  for (const g of groups) {
    const bar = by.get(g.language) ?? { language: g.language, label: languageName(g.language), total: 0, ds1: 0, ds2: 0, ds3: 0, ds4: 0 };
    bar.total += g.n;
    if ((PART_ORDER as readonly string[]).includes(g.part)) bar[g.part as (typeof PART_ORDER)[number]] += g.n;
    by.set(g.language, bar);
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.language.localeCompare(b.language));
}

/** Samples per dataset part, Ds1..Ds4 in order, parts without samples included. */
export function samplesPerPart(groups: CountGroup[]): { part: string; label: string; n: number }[] {
  const n = new Map<string, number>();
  for (const g of groups) n.set(g.part, (n.get(g.part) ?? 0) + g.n);
  const known = PART_ORDER.map((p) => ({ part: p, label: partLabel(p), n: n.get(p) ?? 0 }));
  const other = [...n.keys()].filter((p) => !(PART_ORDER as readonly string[]).includes(p)).sort().map((p) => ({ part: p, label: p, n: n.get(p)! }));
  return [...known, ...other];
}

export interface PassRate {
  language: string;
  label: string;
  executed: number;
  passed: number;
  notRun: number;
  /** passed / executed, in [0, 1]; null when nothing was executed. */
  rate: number | null;
}

/**
 * Share of executed samples whose tests passed ("ok"), per language. Never-run samples and
 * runs where the toolchain was missing ("unavailable") are not counted as executed.
 */
export function passRateByLanguage(groups: CountGroup[]): PassRate[] {
  const by = new Map<string, PassRate>();
  for (const g of groups) {
    const r = by.get(g.language) ?? { language: g.language, label: languageName(g.language), executed: 0, passed: 0, notRun: 0, rate: null };
    if (g.verdict === null || g.verdict === "unavailable") r.notRun += g.n;
    else {
      r.executed += g.n;
      if (g.verdict === "ok") r.passed += g.n;
    }
    by.set(g.language, r);
  }
  return [...by.values()]
    .map((r) => ({ ...r, rate: r.executed ? r.passed / r.executed : null }))
    .sort((a, b) => a.language.localeCompare(b.language));
}

export interface HistogramBin {
  from: number;
  to: number;
  label: string;
}

/**
 * The score distribution: bins of `width` (0.5 on a 1-5 scale, 1 on a 1-10 scale) from the
 * scale's floor to its top, the top score in the last bin. Unscored samples are counted apart.
 */
export function scoreHistogram(groups: ScoreGroup[], opts: { min?: number; max?: number; width?: number } = {}): { bins: (HistogramBin & { n: number })[]; unscored: number } {
  const scored = groups.filter((g) => g.score !== null) as { score: number; n: number }[];
  const unscored = groups.filter((g) => g.score === null).reduce((s, g) => s + g.n, 0);
  if (scored.length === 0 && opts.min === undefined) return { bins: [], unscored };
  const hi = opts.max ?? (Math.max(...scored.map((g) => g.score)) > 5 ? 10 : 5);
  const lo = opts.min ?? Math.min(1, ...scored.map((g) => Math.floor(g.score)));
  const width = opts.width ?? (hi - lo <= 5 ? 0.5 : 1);
  const count = Math.max(1, Math.ceil((hi - lo) / width));
  const bins = Array.from({ length: count }, (_, i) => {
    const from = lo + i * width;
    const to = Math.min(hi, from + width);
    return { from, to, label: `${fmt(from)}–${fmt(to)}`, n: 0 };
  });
  for (const g of scored) {
    const i = Math.min(count - 1, Math.max(0, Math.floor((g.score - lo) / width)));
    bins[i].n += g.n;
  }
  return { bins, unscored };
}

export interface LengthStats {
  count: number;
  mean: number;
  median: number;
  p90: number;
  max: number;
}
export interface LengthBin extends HistogramBin {
  problem: number;
  solution: number;
}

/**
 * Token-length distributions of problems (instructions) and solutions on shared bins, as in
 * the paper's Figure 6. Bin width is a round number chosen so that ~`bins` bins cover up to
 * the larger 99th percentile; longer texts fall in the last, open bin ("≥ x").
 */
export function tokenLengthHistogram(problem: number[], solution: number[], bins = 20): { bins: LengthBin[]; problem: LengthStats; solution: LengthStats } {
  const all = [...problem, ...solution];
  if (all.length === 0) return { bins: [], problem: stats(problem), solution: stats(solution) };
  const top = Math.max(quantile(sorted(problem), 0.99), quantile(sorted(solution), 0.99), 1);
  const width = niceStep(top / bins);
  const count = Math.max(1, Math.ceil((top + 1) / width));
  const out: LengthBin[] = Array.from({ length: count }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    label: i === count - 1 ? `≥ ${i * width}` : `${i * width}–${(i + 1) * width - 1}`,
    problem: 0,
    solution: 0,
  }));
  const put = (v: number, key: "problem" | "solution") => (out[Math.min(count - 1, Math.floor(v / width))][key] += 1);
  problem.forEach((v) => put(v, "problem"));
  solution.forEach((v) => put(v, "solution"));
  return { bins: out, problem: stats(problem), solution: stats(solution) };
}

/**
 * Approximate LLM token count of code or prose, without a vocabulary: a word or number is
 * one token per started 8 characters, any other non-space character one token, a line break
 * with the indentation after it one token. Close to (slightly above) BPE counts on code.
 */
export function approxTokens(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}_$]+|\n\s*|[^\s\p{L}\p{N}_$]/gu)) {
    n += m[0].charCodeAt(0) === 10 ? 1 : Math.ceil(m[0].length / 8);
  }
  return n;
}

export function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * pow;
}

function stats(values: number[]): LengthStats {
  if (values.length === 0) return { count: 0, mean: 0, median: 0, p90: 0, max: 0 };
  const s = sorted(values);
  return { count: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, median: quantile(s, 0.5), p90: quantile(s, 0.9), max: s[s.length - 1] };
}

const sorted = (v: number[]) => [...v].sort((a, b) => a - b);

/** Nearest-rank quantile of sorted values (0 for none). */
function quantile(s: number[], q: number): number {
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : 0;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}
