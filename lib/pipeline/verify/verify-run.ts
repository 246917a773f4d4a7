import "server-only";
import type { Db } from "@/lib/db/client";
import { addCause, causeOfStep, causesOfCalls, mergeCauses, type FailureCauses } from "@/lib/domain/failure-causes";
import type { RunConfig } from "@/lib/domain/run-config";
import { judgeOutcome, type StageOutcome } from "@/lib/domain/stage-outcome";
import { assembleProgram } from "@/lib/domain/test-convention";
import { appendEvent } from "@/lib/events/store";
import { AppError } from "@/lib/errors";
import { createRunModelClient, type ModelClient } from "@/lib/llm/model-client";
import { runTopic } from "@/lib/pipeline/run/ids";
import { executeCached, type CachedExecution } from "./execution-cache";
import { checkStubs, type StubVerdict } from "./stub-check";
import { NO_TESTS, VACUOUS } from "./verdicts";
import { writeTests } from "./write-tests";

export interface VerifyCounts {
  /** samples of the run */
  total: number;
  /** samples verified by this call */
  verified: number;
  /** passed their tests, and the tests fail a stub of the solution (or the stub check was unavailable) */
  passed: number;
  failed: number;
  /** passed, but the tests pass a stub of the solution too: they assert nothing */
  vacuous: number;
  /** passed, but the solution could not be stubbed: not known whether the tests assert anything */
  stubUnavailable: number;
  /** samples left without tests because the model could not write them */
  noTests: number;
  /** samples the sandbox could not run (toolchain unavailable) */
  unavailable: number;
  testsWritten: number;
  executed: number;
  cacheHits: number;
  /** failed steps (tests not written, programs not run) and failed model calls by cause */
  causes: FailureCauses;
  outcome: StageOutcome;
  summary: string | null;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  batchSize?: number;
  useCache?: boolean;
  /** run the tests that pass against a stub of the solution too (default true) */
  stubCheck?: boolean;
  /** the model that writes missing tests; by default the run's R-Generator */
  client?: ModelClient;
  onProgress?: (c: VerifyCounts & { done: number }) => void;
}

const SANDBOX_UNAVAILABLE = "sandbox-unavailable";

/**
 * Stage "verify": runs every sample of the run that has no verdict yet (so a second call
 * resumes) with its tests in the sandbox, writes missing tests with the LLM first, and stores
 * the verdict on the sample plus an Execution row with the output. Tests that pass are run
 * again against a stub of the solution (stub-check.ts): when the stub passes too the verdict is
 * "vacuous", not "ok". Failing samples stay, marked by their verdict (anything but "ok"). The
 * counts end with the stage's outcome: steps that could not be done (tests the model did not
 * write, programs the sandbox could not run) are counted by cause.
 */
export async function verifyRun(db: Db, runId: string, opts: VerifyOptions = {}): Promise<VerifyCounts> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { id: true, config: true } });
  if (!run) throw new AppError("not_found:run", `No run ${runId}.`);
  const client = opts.client ?? createRunModelClient(run.config as unknown as RunConfig);
  const batchSize = opts.batchSize ?? 64;
  const counts: VerifyCounts = { total: await db.sample.count({ where: { runId } }), verified: 0, passed: 0, failed: 0, vacuous: 0, stubUnavailable: 0, noTests: 0, unavailable: 0, testsWritten: 0, executed: 0, cacheHits: 0, causes: {}, outcome: "succeeded", summary: null };
  let calls = 0;
  const done = async () => counts.total - (await db.sample.count({ where: { runId, verdict: null } }));
  await appendEvent(db, runTopic(runId), "stage", { stage: "verify" });

  for (;;) {
    if (opts.signal?.aborted) throw new AppError("cancelled:verify", "Verification was cancelled.");
    const batch = await db.sample.findMany({ where: { runId, verdict: null }, orderBy: { id: "asc" }, take: batchSize, select: { id: true, language: true, instruction: true, solution: true, tests: true } });
    if (!batch.length) break;
    const written = new Map<string, string>();
    await Promise.all(batch.filter((s) => !s.tests?.trim()).map(async (s) => {
      const r = await writeTests(client, s, opts.signal);
      calls += r.calls.length;
      mergeCauses(counts.causes, causesOfCalls(r.calls));
      if (r.ok) written.set(s.id, r.tests);
      else if (r.failure.kind !== "cancelled") addCause(counts.causes, causeOfStep(r.failure, r.calls), { steps: 1, example: r.failure.message });
    }));
    if (opts.signal?.aborted) throw new AppError("cancelled:verify", "Verification was cancelled.");
    const testsOf = (s: (typeof batch)[number]) => (s.tests?.trim() ? s.tests : written.get(s.id));
    const runnable = batch.flatMap((s) => {
      const tests = testsOf(s);
      return tests ? [{ id: s.id, language: s.language, program: assembleProgram(s.solution, tests) }] : [];
    });
    const { results, stats } = await executeCached(db, runnable, { signal: opts.signal, useCache: opts.useCache });
    const passing = opts.stubCheck === false ? [] : batch.flatMap((s) => (results.get(s.id)?.status === "ok" ? [{ id: s.id, language: s.language, solution: s.solution, tests: testsOf(s)! }] : []));
    const stubs = await checkStubs(db, passing, { signal: opts.signal, useCache: opts.useCache });
    if (opts.signal?.aborted) throw new AppError("cancelled:verify", "Verification was cancelled.");
    await db.$transaction(batchWrites(db, batch, results, written, stubs.verdicts, stubs.fresh));
    for (const s of batch) {
      const e = results.get(s.id);
      const stub = stubs.verdicts.get(s.id);
      counts.verified++;
      if (!e) counts.noTests++;
      else if (e.status === "unavailable") {
        counts.unavailable++;
        addCause(counts.causes, SANDBOX_UNAVAILABLE, { steps: 1, example: e.stderr.slice(0, 300) || `no ${s.language} toolchain` });
      } else if (e.status !== "ok") counts.failed++;
      else if (stub?.check === "vacuous") counts.vacuous++;
      else {
        counts.passed++;
        if (stub?.check === "unavailable") counts.stubUnavailable++;
      }
    }
    counts.testsWritten += written.size;
    counts.executed += stats.executed;
    counts.cacheHits += stats.hits;
    const progress = { ...counts, done: await done() };
    await appendEvent(db, runTopic(runId), "verify.progress", progress);
    opts.onProgress?.(progress);
  }
  const judged = judgeOutcome({ noun: "samples", steps: counts.verified, failedSteps: counts.noTests + counts.unavailable, produced: counts.verified - counts.noTests - counts.unavailable, causes: counts.causes, calls });
  counts.outcome = judged.outcome;
  counts.summary = judged.summary && `Verification: ${judged.summary}`;
  await appendEvent(db, runTopic(runId), "verify.done", counts);
  return counts;
}

/**
 * A batch's verdicts and outputs as a few statements, not two per sample: one update per
 * (verdict, stub check) (plus one per sample whose tests were just written) and one insert of
 * all executions. Run as one transaction, so a killed worker leaves a batch all verified or not
 * at all. The stubs' runs are stored without a sample, as the cache of later identical runs.
 */
function batchWrites(db: Db, batch: { id: string; language: string }[], results: Map<string, CachedExecution>, written: Map<string, string>, stubs: Map<string, StubVerdict>, stubRuns: (CachedExecution & { language: string })[]) {
  const verdictOf = (id: string) => {
    const status = results.get(id)?.status ?? NO_TESTS;
    const stub = stubs.get(id);
    return { verdict: status === "ok" && stub?.check === "vacuous" ? VACUOUS : status, stubCheck: stub?.check ?? null, stubNote: stub?.note ?? null };
  };
  const groups = new Map<string, { data: ReturnType<typeof verdictOf>; ids: string[] }>();
  for (const s of batch) {
    if (written.has(s.id)) continue;
    const data = verdictOf(s.id);
    const key = JSON.stringify(data);
    const g = groups.get(key) ?? { data, ids: [] };
    g.ids.push(s.id);
    groups.set(key, g);
  }
  const executions = batch.flatMap((s) => {
    const e = results.get(s.id);
    return e ? [{ sampleId: s.id, language: s.language, programHash: e.programHash, status: e.status, exitCode: e.exitCode, stdout: e.stdout, stderr: e.stderr, durationMs: e.durationMs }] : [];
  });
  const stubExecutions = stubRuns.map((e) => ({ language: e.language, programHash: e.programHash, status: e.status, exitCode: e.exitCode, stdout: e.stdout, stderr: e.stderr, durationMs: e.durationMs }));
  return [
    ...[...groups.values()].map(({ data, ids }) => db.sample.updateMany({ where: { id: { in: ids } }, data })),
    ...[...written].map(([id, tests]) => db.sample.update({ where: { id }, data: { ...verdictOf(id), tests } })),
    ...(executions.length || stubExecutions.length ? [db.execution.createMany({ data: [...executions, ...stubExecutions] })] : []),
  ];
}
