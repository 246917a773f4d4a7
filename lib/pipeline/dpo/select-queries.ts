import "server-only";
import type { Db } from "@/lib/db/client";

export interface DpoSelection {
  /** only these samples */
  sampleIds?: string[];
  languages?: string[];
  /** most queries, in id order */
  limit?: number;
}

export interface DpoQuery {
  id: string;
  language: string;
  instruction: string;
  tests: string;
}

/**
 * The queries of the DPO stage: samples of the run whose own tests passed in "verify" (so the
 * tests can judge other answers), Ds4 excluded, optionally narrowed by id or language.
 */
export async function selectDpoQueries(db: Db, runId: string, s: DpoSelection = {}): Promise<DpoQuery[]> {
  const rows = await db.sample.findMany({
    where: { runId, verdict: "ok", part: { not: "ds4" }, tests: { not: null }, ...(s.sampleIds ? { id: { in: s.sampleIds } } : {}), ...(s.languages ? { language: { in: s.languages } } : {}) },
    orderBy: { id: "asc" },
    take: s.limit,
    select: { id: true, language: true, instruction: true, tests: true },
  });
  return rows.filter((r) => r.tests?.trim()).map((r) => ({ id: r.id, language: r.language, instruction: r.instruction, tests: r.tests! }));
}
