import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { closeDefaultPool } from "@/lib/sandbox";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { runJobHere } from "@/lib/pipeline/run/run-job-here";
import { enqueueDpo, enqueueVerify } from "@/lib/pipeline/verify/enqueue-stage";
import { runWithSamples } from "@/lib/pipeline/verify/test-support";
import { dpoSettingsSchema } from "./dpo-options";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); await closeDefaultPool(); });

describe("verify.run and dpo.run jobs", () => {
  it("run the stages from the queue with only the run id (and sampling settings) in the payload", async () => {
    const { runId } = await runWithSamples(t.db, [{ language: "py", key: "is-palindrome" }, { language: "cpp", key: "run-length" }], { faults: { wrongSolution: 0.5 } });
    const v = await enqueueVerify(t.db, runId);
    const vJob = await runJobHere(t.db, v.jobId, { leaseMs: 30_000 });
    expect(vJob.status).toBe("succeeded");
    expect(vJob.result).toMatchObject({ runId, verified: 2, passed: 2 });
    const d = await enqueueDpo(t.db, runId, dpoSettingsSchema.parse({ n: 10, model: "demo" }));
    const dJob = await runJobHere(t.db, d.jobId, { leaseMs: 30_000 });
    expect(dJob.status).toBe("succeeded");
    expect(dJob.result).toMatchObject({ runId, queries: 2, answers: 20, pairs: 2 });
  }, 150_000);

  it("dpo.run verifies unverified samples first, so it works on a fresh run", async () => {
    const { runId } = await runWithSamples(t.db, [{ language: "js", key: "max-subarray" }, { language: "py", key: "run-length", buggy: true }], { faults: { wrongSolution: 0.5 } });
    const d = await enqueueDpo(t.db, runId, dpoSettingsSchema.parse({ n: 10 }));
    const job = await runJobHere(t.db, d.jobId, { leaseMs: 30_000 });
    expect(job.result).toMatchObject({ queries: 1, answers: 10, pairs: 1 });
    expect(await t.db.sample.count({ where: { runId, verdict: null } })).toBe(0);
  }, 150_000);

  it("dpo.run with fromModel samples Ds4 from the SFT model with the trainer, then executes the answers", async () => {
    const { runId } = await runWithSamples(t.db, [{ language: "py", key: "sum-evens" }]);
    const d = await enqueueDpo(t.db, runId, dpoSettingsSchema.parse({ n: 2, temperature: 1, fromModel: "tiny-test", maxNewTokens: 8 }));
    const job = await runJobHere(t.db, d.jobId, { leaseMs: 60_000 });
    expect(job.status, job.lastError ?? "").toBe("succeeded");
    expect(job.result).toMatchObject({ queries: 1, answers: 2, samplingFailures: 0 });
    const stage = await t.db.event.findFirst({ where: { topic: `run:${runId}`, type: "stage" }, orderBy: { seq: "desc" } });
    expect(stage?.data).toMatchObject({ sampledFrom: "tiny-test" });
    // the job's answer length reached the sampler
    const dirs = readdirSync(path.join(env().dataDir, "ds4-samples")).filter((n) => n.startsWith(`${runId}-`));
    expect(dirs).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(env().dataDir, "ds4-samples", dirs[0], "sample.json"), "utf8"))).toMatchObject({ model: "tiny-test", n: 2, max_new_tokens: 8 });
    expect(() => dpoSettingsSchema.parse({ fromModel: "out/final\nrm -rf /" })).toThrow(/control characters/);
  }, 180_000);

  it("a stage whose steps mostly failed ends its job failed with the cause, not succeeded", async () => {
    // the model answers nothing but 5xx: tests cannot be written, answers cannot be sampled
    const broken = { faults: { serverError: 1 } };
    const noTests = await runWithSamples(t.db, [{ language: "py", key: "is-palindrome", noTests: true }, { language: "js", key: "sum-evens", noTests: true }], broken);
    const vJob = await runJobHere(t.db, (await enqueueVerify(t.db, noTests.runId)).jobId, { leaseMs: 30_000 });
    expect([vJob.status, vJob.attempts]).toEqual(["failed", 1]);
    expect(vJob.lastError).toMatch(/^Verification: All 2 samples failed \(\d+ of \d+ model calls failed\): the server failed \(50[03]\)/);
    const done = await t.db.event.findFirst({ where: { topic: `run:${noTests.runId}`, type: "verify.done" } });
    expect(done!.data).toMatchObject({ outcome: "failed", noTests: 2 });

    const withTests = await runWithSamples(t.db, [{ language: "py", key: "is-palindrome" }], broken);
    const dJob = await runJobHere(t.db, (await enqueueDpo(t.db, withTests.runId, dpoSettingsSchema.parse({ n: 4 }))).jobId, { leaseMs: 30_000 });
    expect(dJob.status).toBe("failed");
    expect(dJob.lastError).toMatch(/^DPO sampling: All 4 answers failed .*: the server failed \(50[03]\)/);
    expect(await t.db.dpoPair.count({ where: { runId: withTests.runId } })).toBe(0);
  }, 150_000);

  it("refuse a run that does not exist", async () => {
    await expect(enqueueVerify(t.db, "nope")).rejects.toMatchObject({ code: "not_found:run" });
    await expect(enqueueDpo(t.db, "nope", dpoSettingsSchema.parse({}))).rejects.toMatchObject({ code: "not_found:run" });
  });
});
