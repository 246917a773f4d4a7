import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { implementation } from "@/lib/llm/scripted/templates";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { closeDefaultPool } from "@/lib/sandbox";
import { runWithSamples } from "./test-support";
import { verifyRun } from "./verify-run";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); await closeDefaultPool(); });

describe("stage verify", () => {
  it("runs every sample's tests in the sandbox, marks failing ones, writes missing tests, and streams progress", async () => {
    const { runId, ids } = await runWithSamples(t.db, [
      { language: "py", key: "sum-evens" },
      { language: "py", key: "max-subarray", buggy: true },
      { language: "js", key: "is-palindrome" },
      { language: "js", key: "run-length", buggy: true },
      { language: "cpp", key: "sum-evens" },
      { language: "cpp", key: "is-palindrome", buggy: true },
      { language: "py", key: "run-length", noTests: true },
    ]);
    const counts = await verifyRun(t.db, runId, { batchSize: 3 });
    expect(counts).toMatchObject({ total: 7, verified: 7, passed: 4, failed: 3, noTests: 0, testsWritten: 1, executed: 7, cacheHits: 0 });
    const samples = await t.db.sample.findMany({ where: { id: { in: ids } }, include: { executions: true } });
    const byId = new Map(samples.map((s) => [s.id, s]));
    expect(ids.map((id) => byId.get(id)!.verdict === "ok")).toEqual([true, false, true, false, true, false, true]);
    expect(byId.get(ids[6])!.tests).toBe(implementation("py", "run-length").tests);
    for (const s of samples) {
      expect(s.executions).toHaveLength(1);
      expect(s.executions[0].status).toBe(s.verdict);
    }
    // a failing sample is kept, its execution says why
    expect(byId.get(ids[1])!.executions[0].stderr).toMatch(/Assertion/);
    const events = await t.db.event.findMany({ where: { topic: `run:${runId}` }, orderBy: { seq: "asc" } });
    expect(events.filter((e) => e.type === "verify.progress").map((e) => (e.data as { done: number }).done)).toEqual([3, 6, 7]);
    expect(events.at(-1)!.type).toBe("verify.done");
  }, 120_000);

  it("runs identical programs once: within a batch and across calls (cache by language and program hash)", async () => {
    const { runId, ids } = await runWithSamples(t.db, [
      { language: "py", key: "is-palindrome" },
      { language: "py", key: "is-palindrome" },
      { language: "js", key: "sum-evens" },
    ]);
    const first = await verifyRun(t.db, runId);
    // none of these programs ran in an earlier test: the duplicate is the only hit
    expect(first).toMatchObject({ verified: 3, executed: 2, cacheHits: 1, passed: 3 });
    await t.db.sample.updateMany({ where: { id: { in: ids } }, data: { verdict: null } });
    const again = await verifyRun(t.db, runId);
    expect(again).toMatchObject({ verified: 3, executed: 0, cacheHits: 3, passed: 3 });
    const uncached = await (async () => {
      await t.db.sample.updateMany({ where: { id: { in: ids } }, data: { verdict: null } });
      return verifyRun(t.db, runId, { useCache: false });
    })();
    expect(uncached).toMatchObject({ executed: 3, cacheHits: 0, passed: 3 });
  }, 120_000);

  it("resumes after a cancel: verified samples are not run again, the rest are", async () => {
    const { runId, ids } = await runWithSamples(t.db, [
      { language: "py", key: "max-subarray" },
      { language: "js", key: "max-subarray" },
      { language: "py", key: "sum-evens", buggy: true },
      { language: "js", key: "is-palindrome", buggy: true },
    ]);
    const abort = new AbortController();
    await expect(verifyRun(t.db, runId, { batchSize: 2, signal: abort.signal, useCache: false, onProgress: () => abort.abort() })).rejects.toThrow(/cancelled/);
    expect(await t.db.sample.count({ where: { runId, verdict: { not: null } } })).toBe(2);
    const rest = await verifyRun(t.db, runId, { batchSize: 2, useCache: false });
    expect(rest).toMatchObject({ verified: 2, executed: 2 });
    expect(await t.db.execution.count({ where: { sampleId: { in: ids } } })).toBe(4);
    const verdicts = (await t.db.sample.findMany({ where: { id: { in: ids } } })).map((s) => [s.id, s.verdict]);
    expect(new Map(verdicts as [string, string][])).toEqual(new Map([[ids[0], "ok"], [ids[1], "ok"], [ids[2], "exception"], [ids[3], "exception"]]));
  }, 120_000);
});
