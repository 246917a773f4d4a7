import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createEvaluation } from "@/lib/evals/app/evaluations";
import { executeEvaluation } from "@/lib/evals/app/execute-evaluation";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";

const BENCH = "../shared/benchmarks";
let t: TestDb;
let server: ScriptedServer;

beforeAll(async () => {
  t = await createTestDb();
  // The model answers the first 8 Python problems with MultiPL-E's canonical completion, and
  // with a wrong one for every even-numbered of those; everything else gets a wrong answer.
  const canonical = new Map<string, string>();
  for (const line of readFileSync(`${BENCH}/multipl-e/humaneval-py-canonical-completions.jsonl`, "utf8").split("\n").filter(Boolean)) {
    const r = JSON.parse(line);
    canonical.set(r.name, r.completion);
  }
  const prompts = new Map<string, string>();
  readFileSync(`${BENCH}/multipl-e/humaneval-py.jsonl`, "utf8").split("\n").filter(Boolean).slice(0, 8).forEach((line, i) => {
    const r = JSON.parse(line);
    prompts.set(r.prompt, i % 2 === 1 ? canonical.get(r.name)! : "    return None\n");
  });
  server = await startScriptedOpenAIServer((req) => [prompts.get(req.text) ?? "    raise ValueError()\n"]);
});
afterAll(async () => { await server.close(); await t.cleanup(); });

describe("stored evaluations", () => {
  it("scores exactly as planned, stores every sample, and a second run resumes without asking the model again", async () => {
    const evaluation = await createEvaluation(t.db, {
      name: "py smoke", model: "scripted", endpointUrl: server.url,
      suites: [{ benchmark: "multipl-e", languages: ["py"], source: BENCH, limit: 8 }],
    }, { enqueue: false });
    const execute = createLocalTestExecutor();
    const scores = await executeEvaluation(t.db, evaluation.id, { signal: new AbortController().signal, execute });
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ benchmark: "multipl-e", language: "py", problems: 8, passedSamples: 4 });
    expect(scores[0].passAtK[1]).toBeCloseTo(0.5);
    const stored = await t.db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(stored.status).toBe("succeeded");
    expect(await t.db.evalResult.count({ where: { evaluationId: evaluation.id } })).toBe(8);
    const failed = await t.db.evalResult.findFirstOrThrow({ where: { evaluationId: evaluation.id, passed: false } });
    expect(failed.program).toContain("return None");
    expect(failed.stderr).toMatch(/AssertionError|Error/);

    const asked = server.requests.length;
    await executeEvaluation(t.db, evaluation.id, { signal: new AbortController().signal, execute });
    expect(server.requests.length).toBe(asked);
  });

  it("refuses a config without an endpoint or with an unknown Settings endpoint", async () => {
    await expect(createEvaluation(t.db, { name: "x", model: "m", suites: [{ benchmark: "humaneval", source: BENCH }] })).rejects.toMatchObject({ code: "invalid:evaluation" });
    await expect(createEvaluation(t.db, { name: "x", model: "m", endpointName: "nope", suites: [{ benchmark: "humaneval", source: BENCH }] })).rejects.toMatchObject({ code: "invalid:evaluation" });
  });
});
