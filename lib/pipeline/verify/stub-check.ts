import "server-only";
import type { Db } from "@/lib/db/client";
import { assembleProgram } from "@/lib/domain/test-convention";
import { executeCached, type CachedExecution } from "./execution-cache";
import { makeStub } from "./make-stub";

/**
 * The vacuous-test check: a sample whose tests pass is run again with its solution replaced by
 * a stub (same signatures, default returns). Tests that pass the stub too assert nothing about
 * the solution: "vacuous". Where the solution cannot be stubbed the check is "unavailable", with
 * the reason, never silently "genuine".
 */

export type StubCheck = "genuine" | "vacuous" | "unavailable";

export interface StubVerdict {
  check: StubCheck;
  note: string | null;
}

export interface StubCandidate {
  id: string;
  language: string;
  solution: string;
  tests: string;
}

export async function checkStubs(db: Db, candidates: StubCandidate[], opts: { signal?: AbortSignal; useCache?: boolean } = {}): Promise<{ verdicts: Map<string, StubVerdict>; fresh: (CachedExecution & { language: string })[] }> {
  const verdicts = new Map<string, StubVerdict>();
  const items: { id: string; language: string; program: string }[] = [];
  for (const c of candidates) {
    const stub = await makeStub(c.language, c.solution);
    if (!stub.ok) verdicts.set(c.id, { check: "unavailable", note: stub.reason });
    else items.push({ id: c.id, language: c.language, program: assembleProgram(stub.stub, c.tests) });
  }
  const { results } = await executeCached(db, items, opts);
  const fresh: (CachedExecution & { language: string })[] = [];
  for (const it of items) {
    const e = results.get(it.id);
    if (!e || e.status === "unavailable") {
      verdicts.set(it.id, { check: "unavailable", note: "the sandbox could not run the stub" });
      continue;
    }
    if (!e.cached) fresh.push({ ...e, language: it.language });
    verdicts.set(it.id, e.status === "ok" ? { check: "vacuous", note: "the tests also pass when every function of the solution is a stub" } : { check: "genuine", note: null });
  }
  return { verdicts, fresh };
}
