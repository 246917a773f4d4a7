import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { buggySolution, implementation } from "@/lib/llm/scripted/templates";
import { dpoRun } from "@/lib/pipeline/dpo/dpo-run";
import type { DpoQueryView } from "@/lib/pipeline/dpo/dpo-query-view";
import { runWithSamples, type SampleSpec } from "@/lib/pipeline/verify/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { closeDefaultPool } from "@/lib/sandbox";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import * as answers from "@/app/api/runs/[id]/dpo/[sampleId]/route";
import * as sampleDetail from "@/app/api/samples/[id]/route";

let t: TestDb;
beforeAll(async () => { t = await createAppTestDb(); });
afterAll(async () => {
  await t.cleanup();
  await closeDefaultPool();
});

const get = (runId: string, sampleId: string) => answers.GET(new NextRequest(`http://127.0.0.1/api/runs/${runId}/dpo/${sampleId}`), { params: Promise.resolve({ id: runId, sampleId }) });

// the samples page asks for a sample's DPO answers only when its detail says it has some
const hasDpo = async (sampleId: string) =>
  ((await (await sampleDetail.GET(new NextRequest(`http://127.0.0.1/api/samples/${sampleId}`), { params: Promise.resolve({ id: sampleId }) })).json()) as { hasDpo: boolean }).hasDpo;

const QUERIES: SampleSpec[] = [
  { language: "py", key: "sum-evens" },
  { language: "js", key: "run-length" },
  { language: "cpp", key: "is-palindrome" },
];

describe("GET /api/runs/:id/dpo/:sampleId", () => {
  it("answers a query's distinct sampled answers with verdicts, output, counts and the pairs formed", async () => {
    // the scripted model answers each query with its template or the template's planted bug, half and half
    const { runId, ids } = await runWithSamples(t.db, [...QUERIES, { language: "py", key: "max-subarray", buggy: true }], { faults: { wrongSolution: 0.5 } });
    await verifyRun(t.db, runId);
    await dpoRun(t.db, runId, { n: 12, maxPairs: 4 });

    for (const [i, q] of QUERIES.entries()) {
      const res = await get(runId, ids[i]);
      expect(res.status).toBe(200);
      const view = (await res.json()) as DpoQueryView;
      const impl = implementation(q.language, q.key);
      expect(view).toMatchObject({ runId, sampleId: ids[i], language: q.language, tests: impl.tests, sampled: 12, noPassing: false, noFailing: false });
      const byText = new Map(view.answers.map((a) => [a.text, a]));
      expect([...byText.keys()].sort()).toEqual([impl.solution, buggySolution(impl)].sort());
      const right = byText.get(impl.solution)!;
      const wrong = byText.get(buggySolution(impl))!;
      expect(right).toMatchObject({ verdict: "ok", passed: true, execution: { exitCode: 0 } });
      expect(wrong).toMatchObject({ verdict: "exception", passed: false });
      expect(wrong.execution!.exitCode).not.toBe(0);
      expect(right.count + wrong.count).toBe(12);
      expect(right.count).toBeGreaterThan(0);
      expect(wrong.count).toBeGreaterThan(0);
      // dedup leaves one passing and one failing answer: exactly one pair, the template over its bug
      expect(view.pairs).toEqual([{ id: expect.any(String), chosen: right.index, rejected: wrong.index, chosenVerdict: "ok", rejectedVerdict: "exception" }]);
      expect(right.chosenIn).toEqual([0]);
      expect(wrong.rejectedIn).toEqual([0]);
    }
    // the py bug fails on an assertion of its tests, and the output says so
    const py = (await (await get(runId, ids[0])).json()) as DpoQueryView;
    expect(py.answers.find((a) => !a.passed)!.execution!.stderr).toMatch(/AssertionError/);
  }, 180_000);

  it("answers 404 for a query that had no DPO stage (its own tests failed), whose detail says so, and for an unknown run", async () => {
    const { runId, ids } = await runWithSamples(t.db, [{ language: "py", key: "sum-evens" }, { language: "py", key: "run-length", buggy: true }], { faults: { wrongSolution: 0.5 } });
    await verifyRun(t.db, runId);
    await dpoRun(t.db, runId, { n: 4 });
    expect((await get(runId, ids[0])).status).toBe(200);
    expect([await hasDpo(ids[0]), await hasDpo(ids[1])]).toEqual([true, false]);
    const skipped = await get(runId, ids[1]);
    expect(skipped.status).toBe(404);
    expect((await skipped.json()).error.code).toBe("not_found:dpo");
    expect((await get("no-such-run", ids[0])).status).toBe(404);
  }, 120_000);
});
