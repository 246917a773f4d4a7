import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";
import { rawQuery } from "@/lib/db/raw";
import {
  approxTokens,
  passRateByLanguage,
  samplesPerLanguage,
  samplesPerPart,
  scoreHistogram,
  tokenLengthHistogram,
  type CountGroup,
  type ScoreGroup,
} from "@/lib/domain/sample-charts";
import { SqlParams, sampleWhere } from "./filter-sql";
import type { SampleFilter } from "./sample-filter";

export interface ChartOptions {
  /** Token lengths are measured on a random subset of this many samples (exact below it). */
  lengthSampleSize?: number;
  countTokens?: (text: string) => number;
}

export type SampleCharts = Awaited<ReturnType<typeof sampleCharts>>;

/** Everything the charts page draws, for the samples matching `filter`. */
export async function sampleCharts(db: Db, filter: SampleFilter, opts: ChartOptions = {}) {
  const dialect = dialectOfDb(db);
  const size = opts.lengthSampleSize ?? 2000;
  const count = opts.countTokens ?? approxTokens;

  const p1 = new SqlParams();
  const counts = (
    await rawQuery<{ language: string; part: string; verdict: string | null; n: unknown }>(
      db,
      `SELECT s."language", s."part", s."verdict", COUNT(*) AS "n" FROM "Sample" s WHERE ${sampleWhere(filter, dialect, p1)} GROUP BY s."language", s."part", s."verdict"`,
      p1.values,
    )
  ).map((r): CountGroup => ({ language: r.language, part: r.part, verdict: r.verdict, n: Number(r.n) }));

  const p2 = new SqlParams();
  const scores = (
    await rawQuery<{ score: unknown; n: unknown }>(db, `SELECT s."score", COUNT(*) AS "n" FROM "Sample" s WHERE ${sampleWhere(filter, dialect, p2)} GROUP BY s."score"`, p2.values)
  ).map((r): ScoreGroup => ({ score: r.score === null ? null : Number(r.score), n: Number(r.n) }));

  // Picking ids first keeps the random sort off the large text columns.
  const p3 = new SqlParams();
  const ids = (
    await rawQuery<{ id: string }>(db, `SELECT s."id" FROM "Sample" s WHERE ${sampleWhere(filter, dialect, p3)} ORDER BY random() LIMIT ${Math.max(1, size)}`, p3.values)
  ).map((r) => r.id);
  const problem: number[] = [];
  const solution: number[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.sample.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { instruction: true, solution: true } });
    for (const r of rows) {
      problem.push(count(r.instruction));
      solution.push(count(r.solution));
    }
  }
  const total = counts.reduce((s, g) => s + g.n, 0);
  return {
    total,
    perLanguage: samplesPerLanguage(counts),
    perPart: samplesPerPart(counts),
    passRate: passRateByLanguage(counts),
    scores: scoreHistogram(scores),
    lengths: { ...tokenLengthHistogram(problem, solution), measured: ids.length, of: total },
  };
}
