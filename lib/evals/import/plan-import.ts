import { AppError } from "@/lib/errors";
import { bigcodeGenerationsFromData, bigcodeResultsFromData, taskToBenchmark, type ImportedTaskScore } from "@/lib/evals/import/bigcode-harness";
import { parseMultiplEFile } from "@/lib/evals/import/multipl-e-results";
import { parseJson } from "@/lib/evals/loaders/parse-json";
import type { BuiltSample } from "@/lib/evals/sample-execution";
import { BENCHMARKS, problemKey, sampleKey, type BenchmarkId, type BenchmarkProblem, type Language, type SampleResult } from "@/lib/evals/types";

export const IMPORT_FORMATS = ["multipl-e", "bigcode"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportFile {
  name: string;
  text: string;
}

/** What a set of result files holds, ready to be stored as one evaluation. */
export interface ImportPlan {
  format: ImportFormat;
  /** samples with the other harness's verdicts, stored as they are */
  executed: SampleResult[];
  /** samples whose programs still have to run here */
  toExecute: BuiltSample[];
  /** pass@k as the harness reported it, for tasks without per-sample data here */
  reported: ImportedTaskScore[];
  model: string | null;
  temperature: number | null;
  /** harness tasks that match no benchmark here */
  skipped: string[];
}

export interface PlanImportOptions {
  /**
   * Which benchmark a bigcode generations file answers when its name (generations_<task>.json)
   * does not say: a harness task ("multiple-java", "humaneval", "mbpp") or a benchmark id.
   */
  task?: string;
  /** Loads a benchmark's problems; bigcode generations files are paired with them by position. */
  loadProblems?: (benchmark: BenchmarkId, language: Language) => Promise<BenchmarkProblem[]>;
}

/** Parses result files of MultiPL-E or bigcode-evaluation-harness into one import plan. */
export async function planImport(format: ImportFormat, files: ImportFile[], opts: PlanImportOptions = {}): Promise<ImportPlan> {
  if (files.length === 0) throw new AppError("invalid:import", "No files to import.");
  const plan: ImportPlan = { format, executed: [], toExecute: [], reported: [], model: null, temperature: null, skipped: [] };
  if (format === "multipl-e") {
    for (const f of files) {
      const parsed = parseMultiplEFile(f.text, f.name);
      plan.temperature ??= parsed.temperature;
      if (parsed.kind === "executed") plan.executed.push(...parsed.results);
      else plan.toExecute.push(...parsed.samples);
    }
  } else {
    for (const f of files) await planBigcodeFile(plan, f, opts);
  }
  // MultiPL-E keeps a problem's completions file beside its results file: the results win.
  const executedProblems = new Set(plan.executed.map((r) => problemKey(r)));
  plan.toExecute = plan.toExecute.filter((s) => !executedProblems.has(problemKey(s)));
  assertUnique([...plan.executed, ...plan.toExecute]);
  const covered = new Set([...plan.executed, ...plan.toExecute].map((s) => `${s.benchmark}/${s.language}`));
  plan.reported = plan.reported.filter((r) => !covered.has(`${r.benchmark}/${r.language}`));
  if (plan.executed.length + plan.toExecute.length + plan.reported.length === 0) {
    throw new AppError("invalid:import", `The ${format} files hold no results for the benchmarks evaluated here${plan.skipped.length ? ` (skipped tasks: ${plan.skipped.join(", ")})` : ""}.`);
  }
  return plan;
}

async function planBigcodeFile(plan: ImportPlan, f: ImportFile, opts: PlanImportOptions): Promise<void> {
  const data = parseJson(f.text, f.name);
  if (!Array.isArray(data)) {
    const run = bigcodeResultsFromData(data, f.name);
    plan.model ??= run.model;
    plan.temperature ??= run.temperature;
    for (const s of run.scores) {
      if (s.benchmark && s.language) plan.reported.push(s);
      else plan.skipped.push(s.task);
    }
    return;
  }
  const task = /generations_(.+?)\.json$/.exec(f.name)?.[1] ?? opts.task;
  if (!task) throw new AppError("invalid:import", `${f.name}: say which benchmark these generations answer (a name like generations_multiple-py.json, or the benchmark option).`);
  const { benchmark, language } = resolveTask(task);
  if (!benchmark || !language) throw new AppError("invalid:import", `${f.name}: task "${task}" is not a benchmark evaluated here (${BENCHMARKS.join(", ")}, multiple-<lang>).`);
  if (!opts.loadProblems) throw new AppError("invalid:import", `${f.name} holds generations only; give the benchmark data folder so they can be paired with the problems and run.`);
  plan.toExecute.push(...bigcodeGenerationsFromData(data, f.name, await opts.loadProblems(benchmark, language)));
}

/** A harness task name, or one of our benchmark ids ("multipl-e-java" / "multipl-e:java" for a language). */
function resolveTask(task: string): { benchmark: BenchmarkId | null; language: Language | null } {
  const fromHarness = taskToBenchmark(task);
  if (fromHarness.benchmark) return fromHarness;
  const m = /^multipl-e[-:](\w+)$/.exec(task);
  if (m) return taskToBenchmark(`multiple-${m[1]}`);
  if ((BENCHMARKS as readonly string[]).includes(task) && task !== "multipl-e") return { benchmark: task as BenchmarkId, language: "py" };
  return { benchmark: null, language: null };
}

function assertUnique(samples: { benchmark: BenchmarkId; language: Language; problemId: string; sampleIndex: number }[]): void {
  const seen = new Set<string>();
  for (const s of samples) {
    const key = sampleKey(s);
    if (seen.has(key)) throw new AppError("invalid:import", `Two files hold ${s.language} problem ${s.problemId}; import one run at a time.`);
    seen.add(key);
  }
}
