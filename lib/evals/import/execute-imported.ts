import type { ImportedGeneration } from "@/lib/evals/import/bigcode-harness";
import { SampleExecution, type SampleExecutionOptions } from "@/lib/evals/sample-execution";
import type { Execute, SampleResult } from "@/lib/evals/types";

/**
 * Executes imported generations (programs already built) through the evaluator's own
 * execution path and returns per-sample results.
 */
export async function executeImported(items: ImportedGeneration[], execute: Execute, opts: Omit<SampleExecutionOptions, "execute"> = {}): Promise<SampleResult[]> {
  const execution = new SampleExecution({ ...opts, execute });
  for (const it of items) execution.plan(it.problem, 1);
  for (const it of items) execution.generated(it.problem, 1);
  const keys = items.map((it) => ({ benchmark: it.problem.benchmark, language: it.problem.language, problemId: it.problem.id, sampleIndex: it.sampleIndex }));
  items.forEach((it, i) => execution.submit({ ...keys[i], generation: it.generation, completion: it.generation, program: it.program }));
  await execution.settle();
  opts.signal?.throwIfAborted();
  return keys.map((k) => execution.result(k)).filter((r): r is SampleResult => r !== undefined);
}
