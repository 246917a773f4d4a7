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
export async function sampleCharts(db: Db, selection: SampleFilter, opts: ChartOptions = {}) {
  const dialect = dialectOfDb(db);
  const size = opts.lengthSampleSize ?? 2000;
  const count = opts.countTokens ?? approxTokens;

  // Ds4 counts pairs, not samples: the samples are the stored parts, the pairs come on their own
  const split = splitDs4(selection);
  const filter = split.samples;
  const p1 = new SqlParams();
  const counts = (
    await rawQuery<{ language: string; part: string; verdict: string | null; n: unknown }>(
      db,
      `SELECT s."language", s."part", s."verdict", COUNT(*) AS "n" FROM "Sample" s WHERE ${sampleWhere(filter, dialect, p1)} GROUP BY s."language", s."part", s."verdict"`,
      p1.values,
    )
  ).map((r): CountGroup => ({ language: r.language, part: r.part, verdict: r.verdict, n: Number(r.n) }));
  const pairs = split.pairs ? await pairGroups(db, split.pairs) : [];

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
    pairs: pairs.reduce((s, g) => s + g.n, 0),
    perLanguage: samplesPerLanguage([...counts, ...pairs]),
    perPart: samplesPerPart([...counts, ...pairs]),
    passRate: passRateByLanguage(counts),
    scores: scoreHistogram(scores),
    lengths: { ...tokenLengthHistogram(problem, solution), measured: ids.length, of: total },
  };
}

const NO_SAMPLES = "__none__";

/**
 * The part filter split in two: the stored parts (Ds1-Ds3) select samples; "ds4" (or no part
 * filter) asks for the DPO pairs of the samples matching the other fields.
 */
export function splitDs4(filter: SampleFilter): { samples: SampleFilter; pairs: SampleFilter | null } {
  const rest = { ...filter, part: undefined };
  if (!filter.part) return { samples: filter, pairs: rest };
  const stored = filter.part.filter((p) => p !== "ds4");
  // an empty part list would mean "any": a part no sample has selects none
  return { samples: { ...filter, part: stored.length ? stored : [NO_SAMPLES as "ds1"] }, pairs: filter.part.includes("ds4") ? rest : null };
}

/**
 * DPO pairs per language, as "ds4" count groups: those of a query sample matching `filter`, and
 * imported pairs (no query sample) when the filter names nothing beyond run and language.
 */
async function pairGroups(db: Db, filter: SampleFilter): Promise<CountGroup[]> {
  const p = new SqlParams();
  const joined = await rawQuery<{ language: string; n: unknown }>(
    db,
    `SELECT dp."language", COUNT(*) AS "n" FROM "DpoPair" dp JOIN "Sample" s ON s."id" = dp."sampleId" WHERE ${sampleWhere(filter, dialectOfDb(db), p)} GROUP BY dp."language"`,
    p.values,
  );
  const onlyRunAndLanguage = Object.entries(filter).every(([k, v]) => v === undefined || k === "runId" || k === "language");
  const loose = onlyRunAndLanguage
    ? await db.dpoPair.groupBy({ by: ["language"], where: { sampleId: null, ...(filter.runId ? { runId: filter.runId } : {}), ...(filter.language ? { language: { in: filter.language } } : {}) }, _count: { _all: true } })
    : [];
  const n = new Map<string, number>();
  for (const r of joined) n.set(r.language, (n.get(r.language) ?? 0) + Number(r.n));
  for (const r of loose) n.set(r.language, (n.get(r.language) ?? 0) + r._count._all);
  return [...n].map(([language, count]) => ({ language, part: "ds4", verdict: null, n: count }));
}
