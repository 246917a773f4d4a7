import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/db/seed";
import { solutionOutput } from "@/lib/domain/output-schemas";
import { ds1ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import { safeParseRunConfig, type RunConfig } from "@/lib/domain/run-config";
import { createModelClient } from "@/lib/llm/model-client";
import { buggySolution, implementation } from "@/lib/llm/scripted/templates";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { runUsesDemoModel, usedEndpoints } from "./run-endpoints";

/**
 * The offline demo behaves like a model that is sometimes wrong, so a demo run's verification
 * finds failures and its DPO stage makes pairs without any hidden option; and a run on it says so.
 */
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

function config(input: unknown): RunConfig {
  const r = safeParseRunConfig(input, { knownEndpoints: ["demo-model"] });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}
const roles = (endpoint: string) => Object.fromEntries(["iGenerator", "rGenerator", "scorer", "discussion"].map((r) => [r, { endpoint }]));

describe("the demo model's defaults", () => {
  it("plants bugs in some solutions, from the default config and from Settings' demo endpoint alike", async () => {
    await seedDemoData(t.db);
    for (const c of [config({}), config({ models: roles("demo-model") })]) {
      const [endpoint] = await usedEndpoints(t.db, c);
      expect(endpoint.provider).toBe("scripted");
      const client = createModelClient({ endpoints: [endpoint], roles: { ...c.models, rGenerator: { ...c.models.rGenerator, temperature: 0.8 } }, seed: 3 });
      const impl = implementation("py", "sum-evens");
      const answers: string[] = [];
      // DPO's way: N answers to one query
      for (let i = 0; i < 40; i++) {
        const r = await client.call({ role: "rGenerator", step: `q/${i}`, prompt: ds1ResponsePrompt("py", "Write a Python function `sum_evens` that sums the even numbers."), schema: solutionOutput });
        if (r.ok) answers.push(r.value.solution);
      }
      const wrong = answers.filter((a) => a === buggySolution(impl)).length;
      const right = answers.filter((a) => a === impl.solution).length;
      expect(wrong + right).toBe(40);
      // about 15 %: some of each, so a query gets a chosen and a rejected answer
      expect(wrong).toBeGreaterThan(0);
      expect(wrong).toBeLessThan(15);
      expect(await runUsesDemoModel(t.db, c)).toBe(true);
    }
  });

  it("is not claimed for a run on a real endpoint", async () => {
    const c = config({ models: { endpoints: [{ name: "vllm", provider: "openai-compatible", baseURL: "http://127.0.0.1:9/v1", model: "qwen" }], ...roles("vllm") } });
    expect(await runUsesDemoModel(t.db, c)).toBe(false);
  });
});
