import http from "node:http";
import type { AddressInfo } from "node:net";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createEvaluation } from "@/lib/evals/app/evaluations";
import { executeEvaluation } from "@/lib/evals/app/execute-evaluation";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { saveEndpoint } from "@/lib/settings/endpoints";
import { TINY_MODEL_PATH } from "@/lib/llm/local/test-model";

const BENCH = "../shared/benchmarks";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

const suites = [{ benchmark: "multipl-e", languages: ["py", "js"], source: BENCH, limit: 3 }];

describe("evaluation without a model server", () => {
  it("the demo endpoint from Settings runs an evaluation end to end in chat mode: every answer stored, scored honestly at 0", async () => {
    await saveEndpoint(t.db, { name: "demo", provider: "scripted", model: "xinstruct-demo" });
    const evaluation = await createEvaluation(t.db, { name: "offline", model: "xinstruct-demo", endpointName: "demo", mode: "chat", suites }, { enqueue: false });
    const scores = await executeEvaluation(t.db, evaluation.id, { signal: new AbortController().signal, execute: createLocalTestExecutor() });
    expect(scores.map((s) => [s.language, s.problems, s.passedSamples])).toEqual([["js", 3, 0], ["py", 3, 0]]);
    const stored = await t.db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(stored.status).toBe("succeeded");
    const results = await t.db.evalResult.findMany({ where: { evaluationId: evaluation.id } });
    expect(results).toHaveLength(6);
    // the answers ran: the programs are complete and fail at run time, not at parse time
    expect(results.every((r) => r.status === "exception")).toBe(true);
    expect(results.find((r) => r.language === "py")!.generation).toMatch(/offline demo model[\s\S]*```py\n[\s\S]*def /);
  });

  it("the demo model answers chat prompts only: completion mode is refused at once with the reason", async () => {
    await expect(createEvaluation(t.db, { name: "x", model: "m", endpointName: "demo", mode: "completion", suites }, { enqueue: false }))
      .rejects.toMatchObject({ code: "invalid:evaluation", message: expect.stringMatching(/the demo model\) answers chat prompts only: choose mode "chat"/) });
  });

  it("a dead endpoint fails the launch at once with the reason, and nothing is stored or queued", async () => {
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const before = await t.db.evaluation.count();
    const started = Date.now();
    await expect(createEvaluation(t.db, { name: "dead", model: "m", endpointUrl: `http://127.0.0.1:${port}/v1`, suites }))
      .rejects.toMatchObject({ code: "unavailable:endpoint", status: 503, message: expect.stringMatching(new RegExp(`The evaluation was not started: endpoint http://127.0.0.1:${port}/v1: Connection refused by 127\\.0\\.0\\.1:${port}`)) });
    expect(Date.now() - started).toBeLessThan(10_000); // at once: before, the queued job failed ~70 s later
    expect(await t.db.evaluation.count()).toBe(before);
    expect(await t.db.job.count({ where: { type: "evaluation.run" } })).toBe(0);
  });

  it("a local endpoint whose GGUF file is gone fails the launch naming the file", async () => {
    // saved while its file was there (Settings checks it), then the file went away
    const dir = mkdtempSync(path.join(tmpdir(), "xi-gone-"));
    const modelPath = path.join(dir, "qwen.gguf");
    copyFileSync(TINY_MODEL_PATH, modelPath);
    await saveEndpoint(t.db, { name: "gone", provider: "local", model: "qwen", modelPath });
    rmSync(dir, { recursive: true, force: true });
    await expect(createEvaluation(t.db, { name: "x", model: "qwen", endpointName: "gone", mode: "chat", suites }))
      .rejects.toMatchObject({ code: "unavailable:endpoint", message: expect.stringContaining(`endpoint "gone": The model file ${modelPath} does not exist`) });
  });
});
