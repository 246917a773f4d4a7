import type { ImportedGeneration } from "@/lib/evals/import/bigcode-harness";
import { sampleKey, type Execute, type SampleResult } from "@/lib/evals/types";

/** Executes imported generations (programs already built) and returns per-sample results. */
export async function executeImported(items: ImportedGeneration[], execute: Execute, opts: { signal?: AbortSignal; onResult?: (r: SampleResult) => void | Promise<void> } = {}): Promise<SampleResult[]> {
  const byId = new Map(items.map((it) => [sampleKey({ benchmark: it.problem.benchmark, language: it.problem.language, problemId: it.problem.id, sampleIndex: it.sampleIndex }), it]));
  const ran = await execute(
    [...byId].map(([id, it]) => ({ id, language: it.problem.language, program: it.program })),
    { signal: opts.signal },
  );
  const out: SampleResult[] = [];
  for (const [id, it] of byId) {
    const r = ran.get(id);
    if (!r) continue;
    const result: SampleResult = {
      benchmark: it.problem.benchmark,
      problemId: it.problem.id,
      sampleIndex: it.sampleIndex,
      language: it.problem.language,
      generation: it.generation,
      completion: it.generation,
      program: it.program,
      status: r.status,
      passed: r.status === "ok" && r.exitCode === 0,
      exitCode: r.exitCode,
      stdout: r.stdout,
      stderr: r.stderr,
      ...(r.compileOutput !== undefined ? { compileOutput: r.compileOutput } : {}),
      durationMs: r.durationMs,
    };
    await opts.onResult?.(result);
    out.push(result);
  }
  return out;
}
