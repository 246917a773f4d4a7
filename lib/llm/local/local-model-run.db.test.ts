import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRun } from "@/lib/pipeline/run/create-run";
import { executeRun } from "@/lib/pipeline/run/execute-run";
import { runTopic } from "@/lib/pipeline/run/ids";
import { demoSnippetInputs } from "@/lib/pipeline/run/test-support";
import type { RunCounts } from "@/lib/pipeline/run/run-progress";
import type { CallRecord } from "@/lib/llm/model-client";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { TINY_MODEL_PATH } from "./test-model";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

const BUDGET = 48;
const role = { endpoint: "tiny", maxOutputTokens: BUDGET };

// A whole run on the real tiny random-weights model. It writes gibberish, so most steps fail
// (cut off at the budget, or JSON that the step's schema rejects); what is asserted is that
// every step's recorded status, error, sample and token count match the calls that happened.
describe("a generation run on the embedded local model", () => {
  it("completes, and every step's status is true to its model calls", async () => {
    const snippets = demoSnippetInputs(1).filter((s) => s.language === "py" || s.language === "java");
    const { run } = await createRun(t.db, {
      snippets,
      config: {
        seed: 3,
        languages: ["py", "java"],
        seedData: { modes: ["ds1"] },
        targets: { ds3Samples: 1 },
        models: {
          endpoints: [{ name: "tiny", provider: "local", model: "tiny-random", modelPath: TINY_MODEL_PATH, threads: 1, concurrency: 2, structuredRetries: 1, maxRetries: 0 }],
          iGenerator: role, rGenerator: role, scorer: role, discussion: role,
        },
      },
      enqueue: false,
    });
    const outcome = await executeRun({ db: t.db, runId: run.id });

    const events = await t.db.event.findMany({ where: { topic: runTopic(run.id) }, orderBy: { seq: "asc" } });
    const calls = events.flatMap((e) => (e.type === "llm.call" ? [e.data as unknown as { step: string; call: CallRecord }] : []));
    expect(calls.length).toBeGreaterThanOrEqual(snippets.length);
    for (const { call } of calls) {
      expect(call).toMatchObject({ endpoint: "tiny", model: "tiny-random" });
      expect(call.inputTokens).toBeGreaterThan(20);
      expect(call.outputTokens).toBeGreaterThan(0);
      // the grammar makes every answer JSON from its first character
      expect(call.text).toMatch(/^\s*\{/);
      if (call.outcome === "ok") expect(() => JSON.parse(call.text!)).not.toThrow();
      else expect(call.outcome).not.toMatch(/timeout|server-error|network|error$/);
    }

    // answers cut off by the budget are recorded as failed attempts with the budget's token count
    expect(calls.some(({ call }) => call.attempt === 1 && call.outcome !== "ok" && call.outputTokens === BUDGET)).toBe(true);

    const steps = await t.db.runStep.findMany({ where: { runId: run.id, stage: "seed" } });
    expect(steps).toHaveLength(snippets.length);
    const samples = await t.db.sample.findMany({ where: { runId: run.id } });
    for (const step of steps) {
      const id = step.key.replace(/^seed:/, "");
      const mine = calls.filter((c) => c.step.startsWith(`${id}/`));
      const last = (part: string) => mine.filter((c) => c.step === `${id}/${part}`).at(-1)?.call;
      const sample = samples.find((s) => s.stepKey === id);
      if (step.status === "done") {
        expect(last("instruction")?.outcome).toBe("ok");
        expect(last("response")?.outcome).toBe("ok");
        expect(sample?.instruction).toBe(JSON.parse(last("instruction")!.text!).instruction);
        expect(sample?.solution).toBe(JSON.parse(last("response")!.text!).solution);
      } else {
        expect(step.status).toBe("failed");
        expect(sample).toBeUndefined();
        const part = /^ds1:\S+\/(instruction|response): \S/.exec(step.error ?? "")?.[1];
        expect(part, step.error ?? "no error recorded").toBeDefined();
        expect(last(part!)?.outcome).not.toBe("ok");
      }
    }

    const stored = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.status).toBe(outcome.status);
    const counts = stored.counts as unknown as RunCounts;
    expect(counts.failedSteps).toBe(steps.filter((s) => s.status === "failed").length);
    expect(counts.samples.ds1).toBe(samples.length);
    expect(counts.usage.calls).toBe(calls.length);
    expect(counts.usage.inputTokens).toBe(calls.reduce((n, c) => n + c.call.inputTokens, 0));
    expect(counts.usage.outputTokens).toBe(calls.reduce((n, c) => n + c.call.outputTokens, 0));
    expect(events.at(-1)).toMatchObject({ type: "end", data: { status: outcome.status } });
    // the run's status is true to its steps: nothing produced is a failure, a failed step is never "succeeded"
    if (samples.length === 0) {
      expect(stored.status).toBe("failed");
      expect(stored.error ?? "").toMatch(/failed|Nothing was produced/);
    }
    if (counts.failedSteps > 0) expect(stored.status).not.toBe("succeeded");
  });
});
