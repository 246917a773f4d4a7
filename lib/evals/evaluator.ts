import pLimit from "p-limit";
import { buildProgram } from "@/lib/evals/build-program";
import { ExecutionBatcher } from "@/lib/evals/execution-batcher";
import type { Generate } from "@/lib/evals/generator";
import { scoreResults, type ScoreRow } from "@/lib/evals/score";
import { sampleKey, type BenchmarkId, type BenchmarkProblem, type Execute, type GenerationMode, type Language, type SampleResult } from "@/lib/evals/types";

export interface LanguageProgress {
  benchmark: BenchmarkId;
  language: Language;
  /** samples planned (problems x n) */
  total: number;
  generated: number;
  executed: number;
  passed: number;
}

export interface RunEvaluationInput {
  problems: BenchmarkProblem[];
  mode: GenerationMode;
  /** samples per problem (1 for greedy pass@1) */
  n: number;
  generate: Generate;
  execute: Execute;
  /** results already stored: their (problem, sampleIndex) are neither generated nor executed again */
  done?: Iterable<SampleResult>;
  /** generation requests in flight */
  concurrency?: number;
  /** persistence hook, awaited before the sample counts as finished */
  onResult?: (result: SampleResult) => void | Promise<void>;
  onProgress?: (progress: LanguageProgress[]) => void;
  signal?: AbortSignal;
  /** executor batching: most programs per execute() call, and how long to gather them */
  executeBatch?: { maxBatch?: number; windowMs?: number };
}

export interface EvaluationOutcome {
  results: SampleResult[];
  scores: ScoreRow[];
}

/**
 * Generates, assembles, executes and scores every missing (problem, sampleIndex). Each problem's
 * programs are executed as soon as its generations arrive, while other generations are in
 * flight. Cancelling through `signal` stops new work; finished samples have been handed to
 * onResult already, so a later call with them in `done` resumes where this one stopped.
 */
export async function runEvaluation(input: RunEvaluationInput): Promise<EvaluationOutcome> {
  const { problems, n, signal } = input;
  if (!Number.isInteger(n) || n < 1) throw new RangeError("n must be a positive integer");
  const results = new Map<string, SampleResult>();
  for (const r of input.done ?? []) results.set(sampleKey(r), r);

  const progress = new Map<string, LanguageProgress>();
  const bucket = (p: BenchmarkProblem) => {
    const key = `${p.benchmark}/${p.language}`;
    let b = progress.get(key);
    if (!b) progress.set(key, (b = { benchmark: p.benchmark, language: p.language, total: 0, generated: 0, executed: 0, passed: 0 }));
    return b;
  };
  const work: { problem: BenchmarkProblem; missing: number[] }[] = [];
  for (const problem of problems) {
    const b = bucket(problem);
    b.total += n;
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      const prior = results.get(sampleKey({ benchmark: problem.benchmark, language: problem.language, problemId: problem.id, sampleIndex: i }));
      if (prior) {
        b.generated++;
        b.executed++;
        if (prior.passed) b.passed++;
      } else missing.push(i);
    }
    if (missing.length > 0) work.push({ problem, missing });
  }
  const emit = () => input.onProgress?.([...progress.values()].map((p) => ({ ...p })));
  emit();

  const batcher = new ExecutionBatcher(input.execute, {
    maxBatch: input.executeBatch?.maxBatch ?? 64,
    windowMs: input.executeBatch?.windowMs ?? 10,
    signal,
  });
  const limit = pLimit(input.concurrency ?? 8);
  const executions: Promise<void>[] = [];

  const runProblem = async ({ problem, missing }: (typeof work)[number]) => {
    if (signal?.aborted) return;
    const generations = await input.generate(problem, missing.length, signal);
    const b = bucket(problem);
    b.generated += missing.length;
    emit();
    missing.forEach((sampleIndex, j) => {
      const generation = generations[j] ?? "";
      const { completion, program } = buildProgram(problem, generation, input.mode);
      const key = { benchmark: problem.benchmark, language: problem.language, problemId: problem.id, sampleIndex };
      executions.push(
        batcher.run({ id: sampleKey(key), language: problem.language, program }).then(async (r) => {
          const result: SampleResult = {
            ...key,
            generation,
            completion,
            program,
            status: r.status,
            passed: r.status === "ok" && r.exitCode === 0,
            exitCode: r.exitCode,
            stdout: r.stdout,
            stderr: r.stderr,
            ...(r.compileOutput !== undefined ? { compileOutput: r.compileOutput } : {}),
            durationMs: r.durationMs,
          };
          if (signal?.aborted && r.status === "unavailable") return;
          await input.onResult?.(result);
          results.set(sampleKey(key), result);
          b.executed++;
          if (result.passed) b.passed++;
          emit();
        }),
      );
    });
  };

  const generationRun = Promise.all(work.map((w) => limit(() => runProblem(w))));
  // Settle executions of generations that did arrive even when generation fails, so nothing
  // finished is lost before the error surfaces.
  const genOutcome = await generationRun.then(() => null, (e: unknown) => ({ error: e }));
  batcher.flush();
  const execOutcome = await Promise.allSettled(executions);
  if (genOutcome) throw genOutcome.error;
  const failed = execOutcome.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failed) throw failed.reason;
  if (signal?.aborted) throw signal.reason;

  const all = [...results.values()];
  return { results: all, scores: scoreResults(all) };
}
