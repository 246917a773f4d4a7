import { AppError } from "@/lib/errors";
import { toEvalLanguage } from "@/lib/evals/loaders/multipl-e";
import { parseJson } from "@/lib/evals/loaders/parse-json";
import type { BuiltSample } from "@/lib/evals/sample-execution";
import type { BenchmarkId, BenchmarkProblem, Language } from "@/lib/evals/types";

/**
 * bigcode-evaluation-harness outputs.
 * - evaluation results (`--metric_output_path`, default evaluation_results.json):
 *   `{ "<task>": { "pass@1": 0.42, "pass@10": ... }, "config": { model, temperature, n_samples, ... } }`
 *   with pass@k as fractions. Tasks: humaneval, mbpp, multiple-<lang>, humanevalplus, mbppplus, ...
 * - generations (`--save_generations`, generations_<task>.json): a JSON list, one entry per
 *   problem in dataset order, each a list of n strings = prompt + completion (already cut at
 *   the stop words). The harness executes `generation + "\n" + reference` where reference is
 *   MultiPL-E's tests, HumanEval's "\n" + test + "\ncheck(entry_point)", or MBPP's asserts.
 */
export interface ImportedTaskScore {
  task: string;
  benchmark: BenchmarkId | null;
  language: Language | null;
  /** fractions in [0, 1], keyed by k */
  passAtK: Record<number, number>;
}

export interface ImportedHarnessRun {
  model: string | null;
  temperature: number | null;
  nSamples: number | null;
  scores: ImportedTaskScore[];
}

export function taskToBenchmark(task: string): { benchmark: BenchmarkId | null; language: Language | null } {
  const m = /^multiple-(\w+)$/.exec(task);
  if (m) return { benchmark: "multipl-e", language: toEvalLanguage(m[1]) };
  if (task === "humaneval" || task.startsWith("instruct-humaneval") || task === "humaneval-unstripped") return { benchmark: "humaneval", language: "py" };
  if (task === "mbpp") return { benchmark: "mbpp", language: "py" };
  if (task === "humanevalplus") return { benchmark: "humaneval+", language: "py" };
  if (task === "mbppplus") return { benchmark: "mbpp+", language: "py" };
  return { benchmark: null, language: null };
}

export function parseBigcodeResults(text: string, source: string): ImportedHarnessRun {
  return bigcodeResultsFromData(parseJson(text, source), source);
}

/** An `evaluation_results.json` already parsed. */
export function bigcodeResultsFromData(data: unknown, source: string): ImportedHarnessRun {
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new AppError("invalid:import", `${source} is not a bigcode-evaluation-harness results object.`);
  const scores: ImportedTaskScore[] = [];
  let config: Record<string, unknown> = {};
  for (const [task, value] of Object.entries(data as Record<string, unknown>)) {
    if (task === "config") {
      config = (value ?? {}) as Record<string, unknown>;
      continue;
    }
    if (!value || typeof value !== "object") throw new AppError("invalid:import", `${source}: task "${task}" has no metrics object.`);
    const passAtK: Record<number, number> = {};
    for (const [metric, v] of Object.entries(value as Record<string, unknown>)) {
      const k = /^pass@(\d+)$/.exec(metric);
      if (k && typeof v === "number") passAtK[Number(k[1])] = v;
    }
    if (Object.keys(passAtK).length === 0) continue; // a task without pass@k (e.g. BLEU-scored) is not comparable
    scores.push({ task, ...taskToBenchmark(task), passAtK });
  }
  if (scores.length === 0) throw new AppError("invalid:import", `${source} holds no pass@k scores.`);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return { model: typeof config.model === "string" ? config.model : null, temperature: num(config.temperature), nSamples: num(config.n_samples), scores };
}

/** Pairs a generations file with the benchmark's problems (same order) and builds the programs. */
export function bigcodeGenerationsToPrograms(text: string, source: string, problems: BenchmarkProblem[]): BuiltSample[] {
  return bigcodeGenerationsFromData(parseJson(text, source), source, problems);
}

/** A generations file already parsed, paired with the problems. */
export function bigcodeGenerationsFromData(data: unknown, source: string, problems: BenchmarkProblem[]): BuiltSample[] {
  if (!Array.isArray(data) || !data.every((g) => Array.isArray(g) && g.every((s) => typeof s === "string"))) {
    throw new AppError("invalid:import", `${source} is not a generations file (a list of lists of strings).`);
  }
  if (data.length > problems.length) throw new AppError("invalid:import", `${source} has ${data.length} problems, the benchmark ${problems.length}.`);
  const out: BuiltSample[] = [];
  (data as string[][]).forEach((samples, i) => {
    const problem = problems[i];
    const head = problem.format === "mbpp" ? "" : problem.prompt.trim().slice(0, 200);
    samples.forEach((generation, sampleIndex) => {
      if (head && !generation.startsWith(head)) {
        throw new AppError("invalid:import", `${source}: generation ${i}/${sampleIndex} does not start with the prompt of ${problem.id}; is the benchmark file the one the harness used?`);
      }
      const key = { benchmark: problem.benchmark, language: problem.language, problemId: problem.id, sampleIndex };
      out.push({ ...key, generation, completion: generation, program: generation + "\n" + reference(problem) });
    });
  });
  return out;
}

function reference(p: BenchmarkProblem): string {
  switch (p.format) {
    case "multipl-e":
      return p.tests;
    case "humaneval":
      return "\n" + p.tests + "\n" + `check(${p.entryPoint})`;
    case "mbpp":
      return [...p.testImports, ...p.testList].join("\n");
    case "evalplus":
      throw new AppError("invalid:import", "Generations for EvalPlus tasks are not supported; import the evaluation results instead.");
  }
}
