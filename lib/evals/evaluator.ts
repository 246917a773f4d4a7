import pLimit from "p-limit";
import { buildProgram } from "@/lib/evals/build-program";
import { SampleExecution, type LanguageProgress } from "@/lib/evals/sample-execution";
import type { Generate } from "@/lib/evals/generator";
import { scoreResults, type ScoreRow } from "@/lib/evals/score";
import { problemKey, type BenchmarkProblem, type Execute, type GenerationMode, type SampleResult } from "@/lib/evals/types";


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
  const execution = new SampleExecution({ execute: input.execute, signal, onResult: input.onResult, onProgress: input.onProgress });
  // Stored results of this evaluation's problems count as done (others are not part of it).
  const planned = new Set(problems.map((p) => problemKey({ benchmark: p.benchmark, language: p.language, problemId: p.id })));
  for (const r of input.done ?? []) if (r.sampleIndex < n && planned.has(problemKey(r))) execution.restore(r);
  const work: { problem: BenchmarkProblem; missing: number[] }[] = [];
  for (const problem of problems) {
    execution.plan(problem, n);
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!execution.result({ benchmark: problem.benchmark, language: problem.language, problemId: problem.id, sampleIndex: i })) missing.push(i);
    }
    if (missing.length > 0) work.push({ problem, missing });
  }
  execution.emit();

  const limit = pLimit(input.concurrency ?? 8);
  const runProblem = async ({ problem, missing }: (typeof work)[number]) => {
    if (signal?.aborted) return;
    const generations = await input.generate(problem, missing.length, signal);
    execution.generated(problem, missing.length);
    missing.forEach((sampleIndex, j) => {
      const generation = generations[j] ?? "";
      const { completion, program } = buildProgram(problem, generation, input.mode);
      execution.submit({ benchmark: problem.benchmark, language: problem.language, problemId: problem.id, sampleIndex, generation, completion, program });
    });
  };

  // Settle executions of generations that did arrive even when generation fails, so nothing
  // finished is lost before the error surfaces.
  const genOutcome = await Promise.all(work.map((w) => limit(() => runProblem(w)))).then(() => null, (e: unknown) => ({ error: e }));
  const execOutcome = await execution.settle().then(() => null, (e: unknown) => ({ error: e }));
  if (genOutcome) throw genOutcome.error;
  if (execOutcome) throw execOutcome.error;
  if (signal?.aborted) throw signal.reason;

  const all = [...execution.results.values()];
  return { results: all, scores: scoreResults(all) };
}
