import "server-only";
import { AppError } from "@/lib/errors";
import { parseEvalPlus } from "@/lib/evals/loaders/evalplus";
import { parseHumanEval } from "@/lib/evals/loaders/humaneval";
import { parseMbpp } from "@/lib/evals/loaders/mbpp";
import { parseMultiplE } from "@/lib/evals/loaders/multipl-e";
import { readSource, type ReadSourceOptions } from "@/lib/evals/loaders/read-source";
import type { BenchmarkId, BenchmarkProblem } from "@/lib/evals/types";

export function parseBenchmark(benchmark: BenchmarkId, text: string, source: string): BenchmarkProblem[] {
  switch (benchmark) {
    case "multipl-e":
      return parseMultiplE(text, source);
    case "humaneval":
      return parseHumanEval(text, source);
    case "mbpp":
      return parseMbpp(text, source);
    case "humaneval+":
    case "mbpp+":
      return parseEvalPlus(text, source).filter((p) => p.benchmark === benchmark);
  }
}

/** Loads a benchmark file from a path or http(s) URL in its public format. */
export async function loadBenchmark(benchmark: BenchmarkId, source: string, opts?: ReadSourceOptions): Promise<BenchmarkProblem[]> {
  const problems = parseBenchmark(benchmark, await readSource(source, opts), source);
  if (problems.length === 0) throw new AppError("invalid:benchmark", `${source} holds no ${benchmark} problems.`);
  return problems;
}
