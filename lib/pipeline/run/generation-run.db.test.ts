import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGenerationInMemory } from "@/lib/agents/in-memory-run";
import type { RunConfig } from "@/lib/domain/run-config";
import { createRunModelClient } from "@/lib/llm/model-client";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createRun } from "./create-run";
import { executeRun } from "./execute-run";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { GENERATION_JOB, runTopic } from "./ids";
import { cancelRun, pauseRun } from "./run-control";
import { runCounts } from "./run-queries";
import { loadRunSnippets } from "./run-snippets";
import { sampleRow } from "./step-writes";
import { demoRunConfig, demoSnippetInputs, FAULTS, FAULTY_ENDPOINT, storedSamples } from "./test-support";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

/** The same run in memory, on the run's stored config and corpus: what the database must hold. */
async function inMemoryTwin(runId: string) {
  const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
  const config = run.config as unknown as RunConfig;
  const r = await runGenerationInMemory({ config, client: createRunModelClient(config) }, await loadRunSnippets(t.db, run.corpusId, config));
  return [...r.seeds, ...r.ds3]
    .map((s) => sampleRow(runId, s))
    .map((s) => ({ step: s.stepKey, part: s.part, language: s.language, instruction: s.instruction, solution: s.solution, tests: s.tests, score: s.score, filtered: s.filtered, filterReason: s.filterReason }))
    .sort((a, b) => (a.step < b.step ? -1 : 1));
}

describe("a generation run against the real database", () => {
  it("stores every sample, agent, memory change, reflection and message, streams them as events, and ends", async () => {
    const { run } = await createRun(t.db, { name: "full", snippets: demoSnippetInputs(2), config: demoRunConfig({ seed: 12, scorer: { threshold: 3.5 } }), enqueue: false });
    const outcome = await executeRun({ db: t.db, runId: run.id });
    expect(outcome.status).toBe("succeeded");

    const samples = await storedSamples(t.db, run.id);
    expect(samples).toEqual(await inMemoryTwin(run.id));
    expect(samples.filter((s) => s.part === "ds1")).toHaveLength(16);
    expect(samples.filter((s) => s.part === "ds2")).toHaveLength(16);
    expect(samples.filter((s) => s.part === "ds3")).toHaveLength(24);
    expect(samples.some((s) => s.filtered && /below threshold/.test(s.filterReason ?? ""))).toBe(true);

    const accepted = samples.filter((s) => s.part !== "ds3" && !s.filtered).length;
    expect(await t.db.agent.count({ where: { runId: run.id } })).toBe(accepted);
    const memory = await t.db.memoryEntry.findMany({ where: { agent: { runId: run.id } } });
    expect(memory.length).toBeGreaterThan(accepted);
    expect(memory.some((m) => m.evictedAt)).toBe(true); // capacity 3: the lowest scores left
    const reflections = await t.db.reflection.findMany({ where: { agent: { runId: run.id } } });
    expect(reflections.length).toBeGreaterThan(0);
    expect(reflections[0].advice).toBeTruthy();
    const discussion = await t.db.message.findMany({ where: { runId: run.id, discussionId: "d1.0" }, orderBy: { id: "asc" } });
    expect(discussion.map((m) => m.role)).toEqual(["contribution", "contribution", "contribution", "synthesis", "score", "reflection"]);

    const events = await t.db.event.findMany({ where: { topic: runTopic(run.id) }, orderBy: { seq: "asc" } });
    const types = new Set(events.map((e) => e.type));
    for (const type of ["status", "stage", "llm.prompt", "llm.call", "sample.created", "sample.scored", "reflection.added", "agent.created", "memory.inserted", "memory.evicted", "memory.rejected", "discussion.message", "progress"]) expect(types).toContain(type);
    expect(events.at(-1)!.type).toBe("end");
    expect(events.at(-1)!.data).toMatchObject({ status: "succeeded" });
    const last = events.filter((e) => e.type === "progress").at(-1)!.data as { stage: string; done: number; total: number; byLanguage: Record<string, { ds1: number }>; usage: { calls: number; inputTokens: number } };
    expect(last).toMatchObject({ stage: "done", done: 32 + 24, total: 32 + 24 });
    expect(Object.keys(last.byLanguage).sort()).toEqual(["cpp", "cs", "java", "js", "php", "py", "sh", "ts"]);
    expect(last.usage.calls).toBe(32 * 3 + 24 * 3);
    expect(last.usage.inputTokens).toBeGreaterThan(0);

    const stored = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.status).toBe("succeeded");
    const counts = await runCounts(t.db, run.id);
    expect(counts.samples).toMatchObject({ ds1: 16, ds2: 16, ds3: 24 });
    expect((stored.counts as { samples: { accepted: number } }).samples.accepted).toBe(counts.samples.accepted);
    expect(counts.steps.discuss.done).toBe(24);

    // running a finished run again changes nothing
    expect((await executeRun({ db: t.db, runId: run.id })).status).toBe("succeeded");
    expect(await t.db.sample.count({ where: { runId: run.id } })).toBe(samples.length);
  });

  it("gives the same samples for the same config, seed and corpus, and other samples for another seed", async () => {
    const a = await createRun(t.db, { snippets: demoSnippetInputs(1), config: demoRunConfig({ discussion: { mode: "parallel" } }), enqueue: false });
    const b = await createRun(t.db, { corpusId: a.run.corpusId!, config: demoRunConfig({ discussion: { mode: "parallel" } }), enqueue: false });
    const c = await createRun(t.db, { corpusId: a.run.corpusId!, config: demoRunConfig({ seed: 12, discussion: { mode: "parallel" } }), enqueue: false });
    for (const r of [a, b, c]) await executeRun({ db: t.db, runId: r.run.id, concurrency: r === b ? 3 : 64 });
    const sa = await storedSamples(t.db, a.run.id);
    expect(sa.length).toBeGreaterThan(16);
    expect(await storedSamples(t.db, b.run.id)).toEqual(sa);
    expect(await storedSamples(t.db, c.run.id)).not.toEqual(sa);
  });

  it("with 2 agents per language, founds 2 agents per language, each with its own memory, and every one takes part in discussions", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(2), config: demoRunConfig({ agents: { perLanguage: 2, memory: { capacity: 3 } } }), enqueue: false });
    expect((await executeRun({ db: t.db, runId: run.id })).status).toBe("succeeded");
    const agents = await t.db.agent.findMany({ where: { runId: run.id }, include: { memory: true } });
    const perLanguage = new Map<string, number>();
    for (const a of agents) perLanguage.set(a.language, (perLanguage.get(a.language) ?? 0) + 1);
    expect([...perLanguage.values()]).toEqual(Array(8).fill(2));
    // the language's other accepted seeds went into the two agents' memories, not to new agents
    const seedIds = new Set((await t.db.sample.findMany({ where: { runId: run.id, part: { in: ["ds1", "ds2"] }, filtered: false }, select: { id: true } })).map((s) => s.id));
    const seedsInMemory = new Set(agents.flatMap((a) => a.memory.filter((m) => seedIds.has(m.sampleId)).map((m) => m.sampleId)));
    expect(seedsInMemory.size).toBeGreaterThan(agents.length);
    const memories = agents.map((a) => a.memory.map((m) => m.id));
    expect(new Set(memories.flat()).size).toBe(memories.flat().length);
    const speakers = await t.db.message.groupBy({ by: ["agentId"], where: { runId: run.id, role: "contribution" }, _count: { _all: true } });
    expect(new Set(speakers.map((s) => s.agentId))).toEqual(new Set(agents.map((a) => a.id)));
    expect(await t.db.sample.count({ where: { runId: run.id, part: "ds3" } })).toBe(24);
    expect(await storedSamples(t.db, run.id)).toEqual(await inMemoryTwin(run.id));
  });

  it("completes under injected 429s, 5xx, malformed JSON, refusals and timeouts, recording the failed steps", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(2), config: demoRunConfig({}, FAULTS, FAULTY_ENDPOINT), enqueue: false });
    // a few steps fail: the run completes, but says it did with errors, and which
    expect((await executeRun({ db: t.db, runId: run.id })).status).toBe("completed_with_errors");
    const failed = await t.db.runStep.findMany({ where: { runId: run.id, status: "failed" } });
    expect(failed.length).toBeGreaterThan(0);
    const stored = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored.error).toMatch(new RegExp(`^${failed.length} of \\d+ steps failed`));
    const causes = (stored.counts as { failureCauses: Record<string, { steps: number }> }).failureCauses;
    expect(Object.values(causes).reduce((n, c) => n + c.steps, 0)).toBe(failed.length);
    for (const f of failed) expect(f.error).toMatch(f.stage === "seed" ? /^ds[12]:\S+\/(instruction|response): \S/ : /\S/);
    const events = await t.db.event.findMany({ where: { topic: runTopic(run.id) } });
    const outcomes = new Set(events.flatMap((e) => (e.type === "llm.call" ? [(e.data as { call: { outcome: string } }).call.outcome] : [])));
    for (const o of ["ok", "rate-limited", "server-error", "invalid-output", "timeout"]) expect(outcomes).toContain(o);
    expect(events.filter((e) => e.type === "step.failed").length).toBeGreaterThanOrEqual(failed.length);
    const samples = await storedSamples(t.db, run.id);
    expect(samples.filter((s) => s.part !== "ds3").length + failed.filter((f) => f.stage === "seed").length).toBe(32);
    expect(samples).toEqual(await inMemoryTwin(run.id));
  });

  it("a job attempt that finds its run paused or cancelled, with the running attempt gone before it answered, reports the stop", async () => {
    const statuses = async (runId: string) => (await t.db.event.findMany({ where: { topic: runTopic(runId), type: { in: ["status", "end"] } }, orderBy: { seq: "asc" } }))
      .map((e) => (e.type === "end" ? "end" : (e.data as { status: string }).status));
    /** A run whose job is running (attempt 1) when the user asks; the attempt then dies without answering. */
    async function stoppedWhileRunning(ask: (db: typeof t.db, id: string) => Promise<unknown>) {
      const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: demoRunConfig(), enqueue: false });
      const job = await enqueueJob(t.db, GENERATION_JOB, { runId: run.id }, { runId: run.id });
      await t.db.job.update({ where: { id: job.id }, data: { status: "running", attempts: 2 } });
      await t.db.run.update({ where: { id: run.id }, data: { status: "running" } });
      await ask(t.db, run.id);
      return { runId: run.id, fence: { jobId: job.id, attempt: 2 } };
    }

    const paused = await stoppedWhileRunning(pauseRun);
    expect(await statuses(paused.runId)).toEqual(["queued", "pausing"]);
    expect((await executeRun({ db: t.db, ...paused })).status).toBe("paused");
    expect((await executeRun({ db: t.db, ...paused })).status).toBe("paused");
    expect(await statuses(paused.runId)).toEqual(["queued", "pausing", "paused"]);

    const cancelled = await stoppedWhileRunning(cancelRun);
    expect(await statuses(cancelled.runId)).toEqual(["queued", "cancelling"]);
    expect((await executeRun({ db: t.db, ...cancelled })).status).toBe("cancelled");
    expect((await executeRun({ db: t.db, ...cancelled })).status).toBe("cancelled");
    expect(await statuses(cancelled.runId)).toEqual(["queued", "cancelling", "end"]);
  });
});
