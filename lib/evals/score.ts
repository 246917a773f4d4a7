import { meanPassAtK, reportableKs, type ProblemCounts } from "@/lib/domain/pass-at-k";
import type { BenchmarkId, Language, SampleResult } from "@/lib/evals/types";

export interface ScoreRow {
  benchmark: BenchmarkId;
  language: Language;
  problems: number;
  /** fewest samples any problem has (pass@k is reported for k <= this) */
  minSamples: number;
  samples: number;
  passedSamples: number;
  /** pass@k as a fraction in [0, 1], keyed by k */
  passAtK: Record<number, number>;
  /** pass@k as another harness reported it (an import without per-sample data): the counts are unknown */
  reported?: boolean;
}

/**
 * pass@k per benchmark and language from per-sample results (a problem counts once). `ks`
 * defaults to 1, 10, 100 as far as every problem has that many samples.
 */
export function scoreResults(
  results: Iterable<Pick<SampleResult, "benchmark" | "language" | "problemId" | "passed">>,
  opts: { ks?: number[] } = {},
): ScoreRow[] {
  const groups = new Map<string, { benchmark: BenchmarkId; language: Language; problems: Map<string, ProblemCounts> }>();
  for (const r of results) {
    const key = `${r.benchmark}/${r.language}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { benchmark: r.benchmark, language: r.language, problems: new Map() }));
    const p = g.problems.get(r.problemId) ?? { n: 0, c: 0 };
    p.n++;
    if (r.passed) p.c++;
    g.problems.set(r.problemId, p);
  }
  const rows: ScoreRow[] = [];
  for (const g of groups.values()) {
    const counts = [...g.problems.values()];
    const minSamples = Math.min(...counts.map((c) => c.n));
    const passAtK: Record<number, number> = {};
    const ks = opts.ks ? opts.ks.filter((k) => k <= minSamples) : reportableKs(minSamples);
    for (const k of ks) passAtK[k] = meanPassAtK(counts, k)!;
    rows.push({
      benchmark: g.benchmark,
      language: g.language,
      problems: counts.length,
      minSamples,
      samples: counts.reduce((s, c) => s + c.n, 0),
      passedSamples: counts.reduce((s, c) => s + c.c, 0),
      passAtK,
    });
  }
  return rows.sort((a, b) => a.benchmark.localeCompare(b.benchmark) || a.language.localeCompare(b.language));
}
