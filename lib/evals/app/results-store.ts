import "server-only";
import type { Db } from "@/lib/db/client";
import type { BenchmarkId, Language, SampleResult, Verdict } from "@/lib/evals/types";

/** One EvalResult row per (benchmark, language, problem, sample): the unit of resumption. */
export async function saveResult(db: Db, evaluationId: string, r: SampleResult): Promise<void> {
  const data = {
    generation: r.generation,
    completion: r.completion,
    program: r.program,
    status: r.status,
    passed: r.passed,
    exitCode: r.exitCode,
    stdout: r.stdout,
    stderr: r.stderr,
    compileOutput: r.compileOutput ?? null,
    durationMs: Math.round(r.durationMs),
  };
  await db.evalResult.upsert({
    where: { evaluationId_benchmark_language_problem_sampleIndex: { evaluationId, benchmark: r.benchmark, language: r.language, problem: r.problemId, sampleIndex: r.sampleIndex } },
    create: { evaluationId, benchmark: r.benchmark, language: r.language, problem: r.problemId, sampleIndex: r.sampleIndex, ...data },
    update: data,
  });
}

export async function loadResults(db: Db, evaluationId: string): Promise<SampleResult[]> {
  const rows = await db.evalResult.findMany({ where: { evaluationId } });
  return rows.map((row) => ({
    benchmark: row.benchmark as BenchmarkId,
    language: row.language as Language,
    problemId: row.problem,
    sampleIndex: row.sampleIndex,
    generation: row.generation ?? row.completion,
    completion: row.completion,
    program: row.program ?? "",
    status: row.status as Verdict,
    passed: row.passed,
    exitCode: row.exitCode,
    stdout: row.stdout ?? "",
    stderr: row.stderr ?? "",
    compileOutput: row.compileOutput ?? undefined,
    durationMs: row.durationMs,
  }));
}
