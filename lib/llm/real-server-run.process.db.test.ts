import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDefaultPool } from "@/lib/sandbox";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { dpoRun } from "@/lib/pipeline/dpo/dpo-run";
import { createRun } from "@/lib/pipeline/run/create-run";
import { executeRun } from "@/lib/pipeline/run/execute-run";
import { runTopic } from "@/lib/pipeline/run/ids";
import { listRunCalls } from "@/lib/pipeline/run/run-calls";
import { demoSnippetInputs } from "@/lib/pipeline/run/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import type { CallRecord } from "./model-client";
import { spawnFlawedServer, type SpawnedFlawedServer } from "./testing/spawn-flawed-server";

/**
 * A whole run — generation, verification, DPO — against a model server in its own process that
 * answers like real ones: it refuses json_schema (older llama.cpp), wraps JSON in fences and
 * prose, puts fences and <think> blocks around code, runs past the token limit, 429s and 500s.
 */

let t: TestDb;
let server: SpawnedFlawedServer;
beforeAll(async () => {
  [t, server] = await Promise.all([
    createTestDb(),
    spawnFlawedServer({
      seed: 3,
      latencyMs: 5,
      rejectJsonSchema: true,
      retryAfterMs: 20,
      verboseTokens: 1_200,
      rates: { fencedJson: 0.3, proseFirst: 0.2, fencedCode: 0.5, think: 0.2, cutOff: 0.15, rateLimit: 0.1, serverError: 0.05, wrongSolution: 0.3 },
    }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([t?.cleanup(), server?.close(), closeDefaultPool()]);
});

const CONCURRENCY = 8;

describe("a run against a server that answers like real ones", () => {
  it("produces, verifies and pairs clean samples, and records what the server really sent", async () => {
    const snippets = demoSnippetInputs(2).filter((s) => s.language === "py" || s.language === "js");
    const role = { endpoint: "flawed", maxOutputTokens: 1_024 };
    const { run } = await createRun(t.db, {
      name: "flawed server",
      snippets,
      config: {
        seed: 5,
        languages: ["py", "js"],
        targets: { ds3Samples: 2 },
        agents: { memory: { capacity: 3 } },
        models: {
          endpoints: [{ name: "flawed", provider: "openai-compatible", baseURL: server.url, model: "flawed-coder", concurrency: CONCURRENCY, retryBaseDelayMs: 1, retryMaxDelayMs: 50 }],
          iGenerator: role,
          rGenerator: role,
          scorer: role,
          discussion: role,
        },
      },
      enqueue: false,
    });
    const outcome = await executeRun({ db: t.db, runId: run.id });
    expect(outcome.status).toBe("succeeded");

    const samples = await t.db.sample.findMany({ where: { runId: run.id } });
    // every seed step got through: 4 snippets × (ds1 + ds2), none lost to a flaw
    expect(samples.filter((s) => s.part === "ds1" || s.part === "ds2")).toHaveLength(snippets.length * 2);
    expect(samples.filter((s) => s.part === "ds3").length).toBeGreaterThan(0);
    for (const s of samples) {
      expect(s.solution).not.toMatch(/```|<\/?think>/);
      expect(s.tests ?? "").not.toMatch(/```|<\/?think>/);
    }

    const calls = (await t.db.event.findMany({ where: { topic: runTopic(run.id), type: "llm.call" } })).map((e) => (e.data as unknown as { call: CallRecord }).call);
    const outcomes = new Set(calls.map((c) => c.outcome));
    for (const o of ["ok", "format-refused", "cut-off", "rate-limited", "server-error"]) expect(outcomes).toContain(o);
    // what the model sent stays visible: fenced code on the call, clean code in the sample
    expect(calls.some((c) => c.outcome === "ok" && /"solution": "```/.test(c.text ?? ""))).toBe(true);
    expect(calls.filter((c) => c.outcome === "cut-off").every((c) => c.maxOutputTokens === 1_024)).toBe(true);
    // `xinstruct runs calls ID --outcome cut-off`: the cut-off answers as the model sent them
    const cutOff = await listRunCalls(t.db, run.id, { outcome: "cut-off", limit: 3 });
    expect(cutOff.length).toBeGreaterThan(0);
    expect(cutOff.every((c) => c.outcome === "cut-off" && c.text!.startsWith("<think>") && c.step.length > 0)).toBe(true);
    await expect(listRunCalls(t.db, run.id, { outcome: "truncated" as never })).rejects.toMatchObject({ code: "invalid:outcome" });

    const verified = await verifyRun(t.db, run.id);
    expect(verified.total).toBe(samples.length);
    const verdicts = await t.db.sample.findMany({ where: { runId: run.id }, select: { verdict: true } });
    // no sample fails for a fence (a syntax error): the only failures are the planted bugs (30 % of solutions)
    expect(verdicts.filter((v) => v.verdict === "ok").length).toBeGreaterThanOrEqual(Math.floor(samples.length * 0.4));
    expect(verdicts.filter((v) => v.verdict !== "ok" && v.verdict !== "exception")).toEqual([]);

    const dpo = await dpoRun(t.db, run.id, { n: 6, maxPairs: 2 });
    expect(dpo.samplingFailures).toBe(0);
    expect(dpo.pairs).toBeGreaterThan(0);
    const pairs = await t.db.dpoPair.findMany({ where: { runId: run.id } });
    for (const p of pairs) {
      expect(`${p.chosen}\n${p.rejected}`).not.toMatch(/```|<\/?think>/);
      expect(p.chosenVerdict).toBe("ok");
      expect(p.rejectedVerdict).not.toBe("ok");
    }

    const stats = await server.stats();
    // json_schema was refused once per call in flight before the first refusal came back, then never asked again
    expect(stats.byFormat.json_schema).toBeLessThanOrEqual(CONCURRENCY);
    // every other request asked for json_object (the refused json_schema ones are at most the first wave)
    expect(stats.byFormat.json_object).toBeGreaterThanOrEqual(stats.requests - CONCURRENCY);
    for (const f of ["fencedJson", "proseFirst", "fencedCode", "think", "cutOff", "truncated", "rateLimit", "serverError", "rejectedJsonSchema"]) expect(stats.flaws[f]).toBeGreaterThan(0);
  }, 240_000);
});
