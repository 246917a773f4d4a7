import { existsSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { loadBenchmark } from "@/lib/evals/loaders/load-benchmark";
import { PAPER_LANGUAGES } from "@/lib/domain/language-names";
import { BENCHMARKS, EVAL_LANGUAGES, type BenchmarkId, type BenchmarkProblem, type Language } from "@/lib/evals/types";

/** Each benchmark's file name in its public distribution. */
export const BENCHMARK_FILES: Record<Exclude<BenchmarkId, "multipl-e">, string> = {
  humaneval: "HumanEval.jsonl",
  mbpp: "sanitized-mbpp.json",
  "humaneval+": "HumanEvalPlus.jsonl",
  "mbpp+": "MbppPlus.jsonl",
};
const SUBFOLDERS: Record<BenchmarkId, string[]> = {
  "multipl-e": ["multipl-e"],
  humaneval: ["humaneval"],
  mbpp: ["mbpp"],
  "humaneval+": ["evalplus", "humanevalplus"],
  "mbpp+": ["evalplus", "mbppplus"],
};

export function parseChoice<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new AppError(`invalid:${what}`, `Unknown ${what} "${value}"; use one of ${allowed.join(", ")}.`);
  return value as T;
}

/**
 * Where a benchmark file lives under a data source: a base URL (file directly under it), or a
 * folder holding the file directly or in the benchmark's usual subfolder (multipl-e/, mbpp/...).
 */
export function benchmarkFile(source: string, benchmark: BenchmarkId, fileName: string): string {
  const base = source.replace(/\/+$/, "");
  if (/^https?:\/\//.test(base)) return `${base}/${fileName}`;
  const candidates = [path.join(base, fileName), ...SUBFOLDERS[benchmark].map((s) => path.join(base, s, fileName))];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new AppError("not_found:benchmark", `No ${fileName} under ${source} (looked in ${candidates.join(", ")}).`);
  return found;
}

export interface ProblemSelection {
  benchmark: BenchmarkId;
  /** MultiPL-E languages (ignored by the Python-only benchmarks) */
  languages?: Language[];
  /** a folder or base URL holding the benchmark files */
  source: string;
  /** only the first N problems per language (smoke runs) */
  limit?: number;
}

export async function loadProblems(sel: ProblemSelection): Promise<BenchmarkProblem[]> {
  parseChoice(sel.benchmark, BENCHMARKS, "benchmark");
  const limit = sel.limit ?? Infinity;
  if (sel.benchmark === "multipl-e") {
    const problems: BenchmarkProblem[] = [];
    // Unless chosen, the paper's eight (a benchmark folder need not hold the other languages' files).
    for (const lang of sel.languages ?? PAPER_LANGUAGES) {
      parseChoice(lang, EVAL_LANGUAGES, "language");
      problems.push(...(await loadBenchmark("multipl-e", benchmarkFile(sel.source, "multipl-e", `humaneval-${lang}.jsonl`))).slice(0, limit));
    }
    return problems;
  }
  return (await loadBenchmark(sel.benchmark, benchmarkFile(sel.source, sel.benchmark, BENCHMARK_FILES[sel.benchmark]))).slice(0, limit);
}
