import "server-only";
import type { EvalResult } from "@/lib/db/generated/sqlite/client";
import type { Db } from "@/lib/db/client";
import type { BuiltSample } from "@/lib/evals/sample-execution";
import type { BenchmarkId, Language, SampleResult, Verdict } from "@/lib/evals/types";

/** Status of an imported sample whose program has not run yet. */
export const PENDING = "pending";

function resultData(r: SampleResult) {
  return {
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
}

const keyData = (s: BuiltSample | SampleResult) => ({ benchmark: s.benchmark, language: s.language, problem: s.problemId, sampleIndex: s.sampleIndex });

/** One EvalResult row per (benchmark, language, problem, sample): the unit of resumption. */
export async function saveResult(db: Db, evaluationId: string, r: SampleResult): Promise<void> {
  const data = resultData(r);
  await db.evalResult.upsert({
    where: { evaluationId_benchmark_language_problem_sampleIndex: { evaluationId, ...keyData(r) } },
    create: { evaluationId, ...keyData(r), ...data },
    update: data,
  });
}

/** Adds the rows of an import at once: finished results, and samples waiting to run (status "pending"). */
export async function insertImported(db: Db, evaluationId: string, executed: SampleResult[], pending: BuiltSample[]): Promise<void> {
  const rows = [
    ...executed.map((r) => ({ evaluationId, ...keyData(r), ...resultData(r) })),
    ...pending.map((s) => ({ evaluationId, ...keyData(s), generation: s.generation, completion: s.completion, program: s.program, status: PENDING })),
  ];
  for (let i = 0; i < rows.length; i += 500) await db.evalResult.createMany({ data: rows.slice(i, i + 500) });
}

/** A stored row as the program it ran (or will run). */
function builtSample(row: EvalResult): BuiltSample {
  return {
    benchmark: row.benchmark as BenchmarkId,
    language: row.language as Language,
    problemId: row.problem,
    sampleIndex: row.sampleIndex,
    generation: row.generation ?? row.completion,
    completion: row.completion,
    program: row.program ?? "",
  };
}

export async function loadPending(db: Db, evaluationId: string): Promise<BuiltSample[]> {
  const rows = await db.evalResult.findMany({ where: { evaluationId, status: PENDING }, orderBy: [{ language: "asc" }, { problem: "asc" }, { sampleIndex: "asc" }] });
  return rows.map(builtSample);
}

export async function loadResults(db: Db, evaluationId: string): Promise<SampleResult[]> {
  const rows = await db.evalResult.findMany({ where: { evaluationId, status: { not: PENDING } } });
  return rows.map((row) => ({
    ...builtSample(row),
    status: row.status as Verdict,
    passed: row.passed,
    exitCode: row.exitCode,
    stdout: row.stdout ?? "",
    stderr: row.stderr ?? "",
    compileOutput: row.compileOutput ?? undefined,
    durationMs: row.durationMs,
  }));
}
