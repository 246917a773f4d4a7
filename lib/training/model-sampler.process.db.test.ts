import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buggySolution, implementation } from "@/lib/llm/scripted/templates";
import { dpoRun } from "@/lib/pipeline/dpo/dpo-run";
import { selectDpoQueries } from "@/lib/pipeline/dpo/select-queries";
import { runWithSamples, type SampleSpec } from "@/lib/pipeline/verify/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { closeDefaultPool } from "@/lib/sandbox";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { sampleFromModel } from "@/lib/training/model-sampler";

/** Ds4 from the SFT model: `python -m trainer sample` really runs, its answers are executed and paired. */
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); await closeDefaultPool(); });

const QUERIES: SampleSpec[] = [{ language: "py", key: "sum-evens" }, { language: "js", key: "is-palindrome" }];

async function verifiedRun() {
  const r = await runWithSamples(t.db, QUERIES);
  await verifyRun(t.db, r.runId);
  return r;
}

describe("sampling Ds4 from the SFT model", () => {
  it("the trainer's sampler returns n answers per query; the DPO stage executes them (the untrained tiny model passes none)", async () => {
    const { runId } = await verifiedRun();
    const queries = await selectDpoQueries(t.db, runId);
    expect(queries).toHaveLength(2);
    const workDir = mkdtempSync(path.join(os.tmpdir(), "xi-sample-"));
    const lines: string[] = [];
    const answers = await sampleFromModel(queries, { model: "tiny-test", n: 3, temperature: 1, maxNewTokens: 16, workDir, onLine: (l) => lines.push(l) });
    expect([...answers.keys()].sort()).toEqual(queries.map((q) => q.id).sort());
    for (const a of answers.values()) expect(a).toHaveLength(3);
    expect(lines.join("\n")).toContain("engine native");
    const counts = await dpoRun(t.db, runId, { n: 3, presampled: { model: "tiny-test", answers } });
    expect(counts).toMatchObject({ queries: 2, done: 2, answers: 6, samplingFailures: 0, pairs: 0, noPassing: 2 });
    const stage = await t.db.event.findFirst({ where: { topic: `run:${runId}`, type: "stage" }, orderBy: { seq: "desc" } });
    expect(stage?.data).toMatchObject({ stage: "dpo", sampledFrom: "tiny-test" });
  }, 240_000);

  it("chat answers in the SFT format: the code is extracted as the evaluator does and pairs keep the answers as sampled", async () => {
    const { runId, ids } = await verifiedRun();
    const chat = (lang: string, code: string) => `Here is the function.\n\n\`\`\`${lang === "py" ? "python" : "javascript"}\n${code}\n\`\`\`\n`;
    const answers = new Map(QUERIES.map((q, i) => {
      const impl = implementation(q.language, q.key as never);
      return [ids[i], [chat(q.language, impl.solution), chat(q.language, buggySolution(impl)), chat(q.language, impl.solution)]];
    }));
    const counts = await dpoRun(t.db, runId, { n: 3, presampled: { model: "/out/final", answers } });
    expect(counts).toMatchObject({ queries: 2, answers: 6, pairs: 2, noPassing: 0, noFailing: 0 });
    const pairs = await t.db.dpoPair.findMany({ where: { runId } });
    for (const p of pairs) {
      const i = ids.indexOf(p.sampleId!);
      const impl = implementation(QUERIES[i].language, QUERIES[i].key as never);
      expect(p.chosen).toBe(chat(QUERIES[i].language, impl.solution));
      expect(p.rejected).toBe(chat(QUERIES[i].language, buggySolution(impl)));
      expect([p.chosenVerdict, p.rejectedVerdict]).toEqual(["ok", "exception"]);
    }
  }, 240_000);
});
