import "server-only";
import type { Db } from "@/lib/db/client";
import { checkStubs } from "@/lib/pipeline/verify/stub-check";
import { VACUOUS } from "@/lib/pipeline/verify/verdicts";

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
 * tests can judge other answers) and are not vacuous, Ds4 excluded, optionally narrowed by id
 * or language. Samples verified before the vacuous-test check existed are checked here first:
 * tests that pass a stub of the solution label no answer chosen or rejected.
 */
export async function selectDpoQueries(db: Db, runId: string, s: DpoSelection = {}, opts: { signal?: AbortSignal } = {}): Promise<DpoQuery[]> {
  const where = { runId, verdict: "ok", part: { not: "ds4" }, tests: { not: null }, ...(s.sampleIds ? { id: { in: s.sampleIds } } : {}), ...(s.languages ? { language: { in: s.languages } } : {}) };
  const unchecked = await db.sample.findMany({ where: { ...where, stubCheck: null }, select: { id: true, language: true, solution: true, tests: true } });
  if (unchecked.length) {
    const { verdicts } = await checkStubs(db, unchecked.map((u) => ({ id: u.id, language: u.language, solution: u.solution, tests: u.tests! })), { signal: opts.signal });
    await db.$transaction([...verdicts].map(([id, v]) => db.sample.update({ where: { id }, data: { stubCheck: v.check, stubNote: v.note, ...(v.check === "vacuous" ? { verdict: VACUOUS } : {}) } })));
  }
  const rows = await db.sample.findMany({
    // a vacuous sample's verdict is no longer "ok"
    where,
    orderBy: { id: "asc" },
    take: s.limit,
    select: { id: true, language: true, instruction: true, tests: true },
  });
  return rows.filter((r) => r.tests?.trim()).map((r) => ({ id: r.id, language: r.language, instruction: r.instruction, tests: r.tests! }));
}
