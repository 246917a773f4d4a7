import "server-only";
import type { Db } from "@/lib/db/client";
import type { RunConfig } from "@/lib/domain/run-config";
import { assembleProgram } from "@/lib/domain/test-convention";
import { appendEvent } from "@/lib/events/store";
import { AppError } from "@/lib/errors";
import { createRunModelClient, type ModelClient } from "@/lib/llm/model-client";
import { runTopic } from "@/lib/pipeline/run/ids";
import { executeCached, type CachedExecution } from "./execution-cache";
import { NO_TESTS } from "./verdicts";
import { writeTests } from "./write-tests";

export interface VerifyCounts {
  /** samples of the run */
  total: number;
  /** samples verified by this call */
  verified: number;
  passed: number;
  failed: number;
  /** samples left without tests because the model could not write them */
  noTests: number;
  testsWritten: number;
  executed: number;
  cacheHits: number;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  batchSize?: number;
  useCache?: boolean;
  /** the model that writes missing tests; by default the run's R-Generator */
  client?: ModelClient;
  onProgress?: (c: VerifyCounts & { done: number }) => void;
}


/**
 * Stage "verify": runs every sample of the run that has no verdict yet (so a second call
 * resumes) with its tests in the sandbox, writes missing tests with the LLM first, and stores
 * the verdict on the sample plus an Execution row with the output. Failing samples stay, marked
 * by their verdict (anything but "ok").
 */
export async function verifyRun(db: Db, runId: string, opts: VerifyOptions = {}): Promise<VerifyCounts> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { id: true, config: true } });
  if (!run) throw new AppError("not_found:run", `No run ${runId}.`);
  const client = opts.client ?? createRunModelClient(run.config as unknown as RunConfig);
  const batchSize = opts.batchSize ?? 64;
  const counts: VerifyCounts = { total: await db.sample.count({ where: { runId } }), verified: 0, passed: 0, failed: 0, noTests: 0, testsWritten: 0, executed: 0, cacheHits: 0 };
  const done = async () => counts.total - (await db.sample.count({ where: { runId, verdict: null } }));
  await appendEvent(db, runTopic(runId), "stage", { stage: "verify" });

  for (;;) {
    if (opts.signal?.aborted) throw new AppError("cancelled:verify", "Verification was cancelled.");
    const batch = await db.sample.findMany({ where: { runId, verdict: null }, orderBy: { id: "asc" }, take: batchSize, select: { id: true, language: true, instruction: true, solution: true, tests: true } });
    if (!batch.length) break;
    const written = new Map<string, string>();
    await Promise.all(batch.filter((s) => !s.tests?.trim()).map(async (s) => {
      const tests = await writeTests(client, s, opts.signal);
      if (tests) written.set(s.id, tests);
    }));
    if (opts.signal?.aborted) throw new AppError("cancelled:verify", "Verification was cancelled.");
    const runnable = batch.flatMap((s) => {
      const tests = s.tests?.trim() ? s.tests : written.get(s.id);
      return tests ? [{ id: s.id, language: s.language, program: assembleProgram(s.solution, tests) }] : [];
    });
    const { results, stats } = await executeCached(db, runnable, { signal: opts.signal, useCache: opts.useCache });
    if (opts.signal?.aborted) throw new AppError("cancelled:verify", "Verification was cancelled.");
    await db.$transaction(batchWrites(db, batch, results, written));
    for (const s of batch) {
      const e = results.get(s.id);
      counts.verified++;
      if (!e) counts.noTests++;
      else if (e.status === "ok") counts.passed++;
      else counts.failed++;
    }
    counts.testsWritten += written.size;
    counts.executed += stats.executed;
    counts.cacheHits += stats.hits;
    const progress = { ...counts, done: await done() };
    await appendEvent(db, runTopic(runId), "verify.progress", progress);
    opts.onProgress?.(progress);
  }
  await appendEvent(db, runTopic(runId), "verify.done", counts);
  return counts;
}

/**
 * A batch's verdicts and outputs as a few statements, not two per sample: one update per verdict
 * (plus one per sample whose tests were just written) and one insert of all executions. Run as
 * one transaction, so a killed worker leaves a batch all verified or not at all.
 */
function batchWrites(db: Db, batch: { id: string; language: string }[], results: Map<string, CachedExecution>, written: Map<string, string>) {
  const byVerdict = new Map<string, string[]>();
  for (const s of batch) {
    if (written.has(s.id)) continue;
    const verdict = results.get(s.id)?.status ?? NO_TESTS;
    byVerdict.set(verdict, [...(byVerdict.get(verdict) ?? []), s.id]);
  }
  const executions = batch.flatMap((s) => {
    const e = results.get(s.id);
    return e ? [{ sampleId: s.id, language: s.language, programHash: e.programHash, status: e.status, exitCode: e.exitCode, stdout: e.stdout, stderr: e.stderr, durationMs: e.durationMs }] : [];
  });
  return [
    ...[...byVerdict].map(([verdict, ids]) => db.sample.updateMany({ where: { id: { in: ids } }, data: { verdict } })),
    ...[...written].map(([id, tests]) => db.sample.update({ where: { id }, data: { verdict: results.get(id)?.status ?? NO_TESTS, tests } })),
    ...(executions.length ? [db.execution.createMany({ data: executions })] : []),
  ];
}
