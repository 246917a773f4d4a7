import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buggySolution, implementation, type ProblemKey } from "@/lib/llm/scripted/templates";
import { closeDefaultPool } from "@/lib/sandbox";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { runWithSamples, type SampleSpec } from "@/lib/pipeline/verify/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { dpoRun } from "./dpo-run";
import { getDpoQuery } from "./dpo-queries";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); await closeDefaultPool(); });

const QUERIES: SampleSpec[] = [
  { language: "py", key: "sum-evens" },
  { language: "js", key: "is-palindrome" },
  { language: "cpp", key: "max-subarray" },
  { language: "py", key: "run-length" },
];

/** A run whose verified queries are QUERIES, plus one query whose own tests fail (never selected). */
async function verifiedRun(wrongSolution: number) {
  const r = await runWithSamples(t.db, [...QUERIES, { language: "js", key: "sum-evens", buggy: true }], { faults: { wrongSolution } });
  await verifyRun(t.db, r.runId);
  return r;
}

async function pairsOf(runId: string) {
  const rows = await t.db.dpoPair.findMany({ where: { runId } });
  // sorted here, not by the database: SQLite and PostgreSQL collate differently
  return rows.map((p) => ({ sampleId: p.sampleId, language: p.language, chosen: p.chosen, rejected: p.rejected, chosenVerdict: p.chosenVerdict, rejectedVerdict: p.rejectedVerdict })).sort((a, b) => (a.sampleId! < b.sampleId! ? -1 : 1));
}

function expectedPair(sampleId: string, spec: SampleSpec) {
  const impl = implementation(spec.language, spec.key as ProblemKey);
  return { sampleId, language: spec.language, chosen: impl.solution, rejected: buggySolution(impl), chosenVerdict: "ok", rejectedVerdict: "exception" };
}

describe("stage dpo", () => {
  it("samples N answers per verified query, runs them, and pairs the correct answer against the planted bug", async () => {
    const { runId, ids } = await verifiedRun(0.5);
    const counts = await dpoRun(t.db, runId, { n: 16, maxPairs: 4 });
    // two distinct answers per query (the template and its planted bug): dedup leaves one pair each
    expect(counts).toMatchObject({ queries: 4, done: 4, answers: 64, samplingFailures: 0, pairs: 4, noPassing: 0, noFailing: 0 });
    // 64 answers are 8 distinct programs; the 4 correct ones already ran in "verify" (same program)
    expect(counts.executed).toBe(4);
    expect(counts.cacheHits).toBe(60);
    expect(await pairsOf(runId)).toEqual(QUERIES.map((q, i) => expectedPair(ids[i], q)).sort((a, b) => (a.sampleId < b.sampleId ? -1 : 1)));
    const prompts = await t.db.dpoPair.findMany({ where: { runId }, select: { prompt: true } });
    for (const p of prompts) expect(p.prompt).toMatch(/^Write a /);
    const view = await getDpoQuery(t.db, runId, ids[2]);
    const impl = implementation("cpp", "max-subarray");
    expect(view.answers.map((a) => [a.text, a.verdict]).sort()).toEqual([[buggySolution(impl), "exception"], [impl.solution, "ok"]].sort());
    expect(view.answers.reduce((n, a) => n + a.count, 0)).toBe(16);
    expect(view.pairs).toHaveLength(1);
    await expect(getDpoQuery(t.db, runId, ids[4])).rejects.toMatchObject({ code: "not_found:dpo" });
    const events = await t.db.event.findMany({ where: { topic: `run:${runId}`, type: "dpo.done" } });
    expect(events).toHaveLength(1);
  }, 180_000);

  it("counts queries with no passing or no failing answer and forms no pair for them", async () => {
    const allRight = await verifiedRun(0);
    expect(await dpoRun(t.db, allRight.runId, { n: 6 })).toMatchObject({ queries: 4, pairs: 0, noPassing: 0, noFailing: 4, executed: 0 });
    const allWrong = await verifiedRun(1);
    expect(await dpoRun(t.db, allWrong.runId, { n: 6 })).toMatchObject({ queries: 4, pairs: 0, noPassing: 4, noFailing: 0 });
    expect(await t.db.dpoPair.count({ where: { runId: { in: [allRight.runId, allWrong.runId] } } })).toBe(0);
  }, 180_000);

  it("resumes after a cancel without running or storing a finished query twice", async () => {
    const { runId, ids } = await verifiedRun(0.5);
    const abort = new AbortController();
    await expect(dpoRun(t.db, runId, { n: 16, batchSize: 2, signal: abort.signal, onProgress: () => abort.abort() })).rejects.toThrow(/cancelled/);
    expect(await t.db.runStep.count({ where: { runId, stage: "dpo" } })).toBe(2);
    const rest = await dpoRun(t.db, runId, { n: 16, batchSize: 2 });
    expect(rest).toMatchObject({ queries: 4, done: 4, answers: 32, pairs: 4 });
    expect(await pairsOf(runId)).toEqual(QUERIES.map((q, i) => expectedPair(ids[i], q)).sort((a, b) => (a.sampleId < b.sampleId ? -1 : 1)));
    const again = await dpoRun(t.db, runId, { n: 16 });
    expect(again).toMatchObject({ done: 4, answers: 0, executed: 0, pairs: 4 });
    expect(await t.db.dpoPair.count({ where: { runId } })).toBe(4);
  }, 180_000);
});
