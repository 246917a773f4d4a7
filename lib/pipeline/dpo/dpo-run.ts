import "server-only";
import type { Db } from "@/lib/db/client";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import { answerOutput } from "@/lib/domain/output-schemas";
import { ds1ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import type { RunConfig } from "@/lib/domain/run-config";
import { assembleProgram } from "@/lib/domain/test-convention";
import { addCause, causeOfStep, causesOfCalls, mergeCauses, type FailureCauses } from "@/lib/domain/failure-causes";
import { judgeOutcome, type StageOutcome } from "@/lib/domain/stage-outcome";
import { appendEvent } from "@/lib/events/store";
import { AppError } from "@/lib/errors";
import type { ModelClient } from "@/lib/llm/model-client";
import { runTopic } from "@/lib/pipeline/run/ids";
import { executeCached } from "@/lib/pipeline/verify/execution-cache";
import { codeFromChatAnswer } from "./chat-answer-code";
import { createDpoClient } from "./dpo-client";
import type { DpoSettings } from "./dpo-options";
import { distinctAnswers, pairAnswers, type ScoredAnswer } from "./pair-answers";
import { selectDpoQueries, type DpoQuery, type DpoSelection } from "./select-queries";

export interface DpoOptions extends DpoSelection {
  /** endpoint name (run config or Settings); default the run's R-Generator endpoint */
  model?: string;
  /** answers sampled per query (the paper: 128) */
  n?: number;
  temperature?: number;
  /** most pairs per query */
  maxPairs?: number;
  preferShortest?: boolean;
  /** queries sampled and executed together */
  batchSize?: number;
  useCache?: boolean;
  signal?: AbortSignal;
  /** a ready client instead of the one built from `model` (benchmarks) */
  client?: ModelClient;
  /**
   * Answers already sampled from the SFT model by query id (`python -m trainer sample`): chat
   * answers, whose code is extracted as the evaluator does. No model is called; a query missing
   * here counts its n answers as sampling failures.
   */
  presampled?: { model: string; answers: Map<string, string[]> };
  endpoints?: ModelEndpoint[];
  onProgress?: (c: DpoCounts) => void;
}

export interface DpoCounts {
  queries: number;
  /** queries finished, including those of earlier (resumed) calls */
  done: number;
  answers: number;
  /** answers the model failed to give (after its retries) */
  samplingFailures: number;
  executed: number;
  cacheHits: number;
  pairs: number;
  noPassing: number;
  noFailing: number;
  /** answers the model failed to give and failed model calls, by cause */
  causes: FailureCauses;
  outcome: StageOutcome;
  summary: string | null;
}

/** A model's text may hold NUL characters, which PostgreSQL's text and JSON columns refuse. */
const withoutNul = (a: string) => a.replace(/\u0000/g, "");
const stepKey = (sampleId: string) => `dpo:${sampleId}`;
const cancelled = () => new AppError("cancelled:dpo", "DPO sampling was cancelled.");

/**
 * Stage "dpo" (Ds4): samples N answers per selected query, runs each with the query's tests
 * (cached by program hash), and stores (prompt, chosen, rejected) pairs. Each query is one
 * RunStep written in the same transaction as its pairs, so a resumed call skips finished
 * queries and never stores their pairs twice.
 */
export async function dpoRun(db: Db, runId: string, opts: DpoOptions = {}): Promise<DpoCounts> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { config: true } });
  if (!run) throw new AppError("not_found:run", `No run ${runId}.`);
  const config = run.config as unknown as RunConfig;
  const n = opts.n ?? 128;
  const temperature = opts.temperature ?? 0.8;
  const policy = { maxPairs: opts.maxPairs ?? 4, preferShortest: opts.preferShortest ?? true };
  const client = opts.presampled ? null : opts.client ?? (await createDpoClient(db, config, { model: opts.model, temperature }, opts.endpoints)).client;
  const queries = await selectDpoQueries(db, runId, opts, { signal: opts.signal });
  const finished = await db.runStep.findMany({ where: { runId, stage: "dpo" }, select: { key: true, output: true } });
  const counts: DpoCounts = { queries: queries.length, done: 0, answers: 0, samplingFailures: 0, executed: 0, cacheHits: 0, pairs: 0, noPassing: 0, noFailing: 0, causes: {}, outcome: "succeeded", summary: null };
  let calls = 0;
  const doneKeys = new Set<string>();
  for (const f of finished) {
    const o = f.output as { pairs?: number; noPassing?: boolean; noFailing?: boolean } | null;
    doneKeys.add(f.key);
    if (!queries.some((q) => stepKey(q.id) === f.key)) continue;
    counts.done++;
    counts.pairs += o?.pairs ?? 0;
    if (o?.noPassing) counts.noPassing++;
    if (o?.noFailing) counts.noFailing++;
  }
  const todo = queries.filter((q) => !doneKeys.has(stepKey(q.id)));
  const batchSize = opts.batchSize ?? 4;
  // The settings go with the stage event, so a run made later to compare with this one (an ablation's
  // twin) can sample its answers the same way, whether this stage ran from the queue or the CLI.
  const settings: DpoSettings = { model: opts.model, n, temperature, ...policy, languages: opts.languages, limit: opts.limit };
  await appendEvent(db, runTopic(runId), "stage", { stage: "dpo", settings, ...(opts.presampled ? { sampledFrom: opts.presampled.model } : {}) });

  const batches = Array.from({ length: Math.ceil(todo.length / batchSize) }, (_, i) => todo.slice(i * batchSize, (i + 1) * batchSize));
  // The model samples the next batch while the sandbox runs this one (the two wait on different
  // things); sampling left in flight when the stage stops is cancelled with it.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  opts.signal?.addEventListener("abort", onAbort);
  const sampleBatch = (b: DpoQuery[]) => {
    const p = (client ? Promise.all(b.map((q) => sampleAnswers(client, q, n, stop.signal))) : Promise.resolve(b.map((q) => ({ answers: (opts.presampled!.answers.get(q.id)?.slice(0, n) ?? []).map(withoutNul), calls: 0, causes: {} })))).then((rs) =>
      rs.map((r) => {
        calls += r.calls;
        mergeCauses(counts.causes, r.causes);
        return r.answers;
      }),
    );
    p.catch(() => undefined); // awaited in its turn; until then a failure must not count as unhandled
    return p;
  };
  let ahead = batches.length ? sampleBatch(batches[0]) : null;
  try {
    for (const [bi, batch] of batches.entries()) {
      if (opts.signal?.aborted) throw cancelled();
      const sampled = await ahead!;
      ahead = bi + 1 < batches.length ? sampleBatch(batches[bi + 1]) : null;
      if (opts.signal?.aborted) throw cancelled();
      await storeBatch(batch, sampled);
    }
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    stop.abort();
  }
  const judged = judgeOutcome({ noun: "answers", steps: counts.answers + counts.samplingFailures, failedSteps: counts.samplingFailures, produced: counts.answers, causes: counts.causes, calls });
  counts.outcome = judged.outcome;
  counts.summary = judged.summary && `DPO sampling: ${judged.summary}`;
  await appendEvent(db, runTopic(runId), "dpo.done", counts);
  return counts;

  async function storeBatch(batch: DpoQuery[], sampled: string[][]) {
    const code = (a: string, language: string) => (opts.presampled ? codeFromChatAnswer(a, language) : a);
    const items = batch.flatMap((q, qi) => sampled[qi].map((a, ai) => ({ id: `${qi}:${ai}`, language: q.language, program: assembleProgram(code(a, q.language), q.tests) })));
    const { results, stats } = await executeCached(db, items, { signal: opts.signal, useCache: opts.useCache });
    if (opts.signal?.aborted) throw cancelled();
    await db.$transaction(async (tx) => {
      for (const [qi, q] of batch.entries()) {
        const answers: ScoredAnswer[] = sampled[qi].map((text, ai) => {
          const e = results.get(`${qi}:${ai}`)!;
          return { text, passed: e.status === "ok", verdict: e.status, programHash: e.programHash };
        });
        const { pairs } = pairAnswers(answers, policy);
        const noPassing = !answers.some((a) => a.passed);
        const noFailing = !answers.some((a) => !a.passed);
        const output = { answers: answers.length, passing: answers.filter((a) => a.passed).length, pairs: pairs.length, noPassing, noFailing, distinct: distinctAnswers(answers) };
        await tx.runStep.create({ data: { runId, key: stepKey(q.id), stage: "dpo", status: "done", output } });
        if (pairs.length) await tx.dpoPair.createMany({ data: pairs.map((p) => ({ runId, sampleId: q.id, language: q.language, prompt: q.instruction, chosen: p.chosen.text, rejected: p.rejected.text, chosenVerdict: p.chosen.verdict, rejectedVerdict: p.rejected.verdict })) });
        counts.pairs += pairs.length;
        if (noPassing) counts.noPassing++;
        if (noFailing) counts.noFailing++;
        counts.answers += answers.length;
        counts.samplingFailures += n - answers.length;
      }
      const fresh = items.flatMap((it) => {
        const e = results.get(it.id)!;
        return e.cached || e.status === "unavailable" ? [] : [{ language: it.language, programHash: e.programHash, status: e.status, exitCode: e.exitCode, stdout: e.stdout, stderr: e.stderr, durationMs: e.durationMs }];
      });
      if (fresh.length) await tx.execution.createMany({ data: fresh });
    });
    counts.done += batch.length;
    counts.executed += stats.executed;
    counts.cacheHits += stats.hits;
    await appendEvent(db, runTopic(runId), "dpo.progress", counts);
    opts.onProgress?.({ ...counts });
  }
}

/** A query's sampled answers, and the answers the model failed to give counted by cause. */
async function sampleAnswers(client: ModelClient, q: DpoQuery, n: number, signal?: AbortSignal): Promise<{ answers: string[]; causes: FailureCauses; calls: number }> {
  const prompt = ds1ResponsePrompt(q.language, q.instruction);
  const results = await Promise.all(Array.from({ length: n }, (_, i) => client.call({ role: "rGenerator", step: `dpo:${q.id}:${i}`, prompt, schema: answerOutput, signal })));
  const causes: FailureCauses = {};
  let calls = 0;
  for (const r of results) {
    calls += r.calls.length;
    mergeCauses(causes, causesOfCalls(r.calls));
    if (!r.ok && r.failure.kind !== "cancelled") addCause(causes, causeOfStep(r.failure, r.calls), { steps: 1, example: r.failure.message });
  }
  return { answers: results.flatMap((r) => (r.ok ? [r.value.solution] : [])), causes, calls };
}
