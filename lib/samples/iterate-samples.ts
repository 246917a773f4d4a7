import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";
import type { ExportSample } from "@/lib/export/records";
import { rawQuery } from "@/lib/db/raw";
import { SqlParams, sampleWhere } from "./filter-sql";
import type { SampleFilter } from "./sample-filter";

/** A sample with its full text: exactly what an exported line is made from. */
export type FullSample = ExportSample;

/** Every sample matching `filter` with its full text, oldest first, `batch` rows per query. */
export async function* iterateSamples(db: Db, filter: SampleFilter, batch = 1000, ids?: ReadonlySet<string>): AsyncGenerator<FullSample[]> {
  const dialect = dialectOfDb(db);
  let after: string | null = null;
  for (;;) {
    const p = new SqlParams();
    const where = [sampleWhere(filter, dialect, p)];
    if (after !== null) where.push(`s."id" > ${p.add(after)}`);
    const rows: Record<string, unknown>[] = await rawQuery(
      db,
      `SELECT s."id", s."runId", s."part", s."language", s."instruction", s."solution", s."tests", s."score", s."verdict", s."stubCheck"
         FROM "Sample" s WHERE ${where.join(" AND ")} ORDER BY s."id" ASC LIMIT ${batch}`,
      p.values,
    );
    if (rows.length === 0) return;
    after = String(rows[rows.length - 1].id);
    const out = rows
      .map((r) => ({
        id: String(r.id),
        runId: String(r.runId),
        part: String(r.part),
        language: String(r.language),
        instruction: String(r.instruction),
        solution: String(r.solution),
        tests: (r.tests as string | null) ?? null,
        score: r.score === null || r.score === undefined ? null : Number(r.score),
        verdict: (r.verdict as string | null) ?? null,
        stubCheck: (r.stubCheck as string | null) ?? null,
      }))
      .filter((s) => !ids || ids.has(s.id));
    if (out.length) yield out;
    if (rows.length < batch) return;
  }
}
