import { z } from "zod";
import { assembleMultiplE, truncateAtStopTokens } from "@/lib/evals/assemble";
import { AppError } from "@/lib/errors";
import { MultiplERecord, toEvalLanguage } from "@/lib/evals/loaders/multipl-e";
import { parseJson } from "@/lib/evals/loaders/parse-json";
import type { BuiltSample } from "@/lib/evals/sample-execution";
import type { SampleResult, Verdict } from "@/lib/evals/types";

/**
 * MultiPL-E's per-problem result file (`<name>.results.json[.gz]`, written by
 * evaluation/src/main.py): the problem's metadata (name, language, prompt, tests,
 * temperature, ...) plus `results: [{program, status, exit_code, stdout, stderr, timestamp}]`.
 * A sample passes when status is "OK" and exit_code is 0 (MultiPL-E's pass_k.py).
 */
const ResultsFile = z.object({
  name: z.string().min(1),
  language: z.string().min(1),
  prompt: z.string().optional(),
  tests: z.string().optional(),
  temperature: z.number().optional(),
  results: z.array(
    z.object({
      program: z.string(),
      status: z.string(),
      exit_code: z.number().int().nullable().optional(),
      stdout: z.string().nullable().optional(),
      stderr: z.string().nullable().optional(),
    }),
  ),
});

const STATUS: Record<string, Verdict> = { OK: "ok", SyntaxError: "syntax_error", Exception: "exception", Timeout: "timeout" };

export interface ImportedProblem {
  temperature: number | null;
  results: SampleResult[];
}

export function parseMultiplEResults(text: string, source: string): ImportedProblem {
  return resultsFromData(parseJson(text, source), source);
}

function resultsFromData(data: unknown, source: string): ImportedProblem {
  const parsed = ResultsFile.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AppError("invalid:import", `${source} is not a MultiPL-E .results.json file (${fields}).`);
  }
  const f = parsed.data;
  const language = toEvalLanguage(f.language);
  if (!language) throw new AppError("invalid:import", `${source}: language "${f.language}" is not one of the evaluated languages.`);
  const results = f.results.map((r, sampleIndex): SampleResult => {
    // Recover the completion when the program is prompt + completion + "\n" + tests.
    let completion = "";
    if (f.prompt !== undefined && f.tests !== undefined && r.program.startsWith(f.prompt) && r.program.endsWith("\n" + f.tests)) {
      completion = r.program.slice(f.prompt.length, r.program.length - f.tests.length - 1);
    }
    const status = STATUS[r.status] ?? "exception";
    return {
      benchmark: "multipl-e",
      problemId: f.name,
      sampleIndex,
      language,
      generation: completion,
      completion,
      program: r.program,
      status,
      passed: r.status === "OK" && r.exit_code === 0,
      exitCode: r.exit_code ?? null,
      stdout: r.stdout ?? "",
      stderr: r.stderr ?? "",
      durationMs: 0,
    };
  });
  return { temperature: f.temperature ?? null, results };
}

/**
 * MultiPL-E's per-problem completions file (`<name>.json[.gz]`, written by its generation step
 * before evaluation): name, language, prompt, tests, stop_tokens and `completions`. Its
 * programs still have to run: prompt + completion cut at the first stop token + "\n" + tests.
 */
const CompletionsFile = MultiplERecord.extend({
  temperature: z.number().optional(),
  completions: z.array(z.string()),
});

export type MultiplEFile = ({ kind: "executed" } & ImportedProblem) | { kind: "generated"; temperature: number | null; samples: BuiltSample[] };

/** Either kind of MultiPL-E per-problem file: with `results` (executed) or only `completions`. */
export function parseMultiplEFile(text: string, source: string): MultiplEFile {
  const data = parseJson(text, source);
  if (!data || typeof data !== "object" || Array.isArray(data) || !("name" in data || "results" in data || "completions" in data)) {
    const bigcode = Array.isArray(data) || (data && typeof data === "object" && ("config" in data || Object.values(data).some((v) => v && typeof v === "object" && "pass@1" in v)));
    throw new AppError("invalid:import", `${source} is not a MultiPL-E problem file (name, language, prompt, tests and results or completions)${bigcode ? "; it looks like a bigcode-evaluation-harness file, so choose that format" : ""}.`);
  }
  if ("results" in data) return { kind: "executed", ...resultsFromData(data, source) };
  const parsed = CompletionsFile.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AppError("invalid:import", `${source} is neither a MultiPL-E .results.json nor a completions file (${fields}).`);
  }
  const f = parsed.data;
  const language = toEvalLanguage(f.language);
  if (!language) throw new AppError("invalid:import", `${source}: language "${f.language}" is not one of the evaluated languages.`);
  const samples = f.completions.map((generation, sampleIndex): BuiltSample => ({
    benchmark: "multipl-e",
    language,
    problemId: f.name,
    sampleIndex,
    generation,
    completion: truncateAtStopTokens(generation, f.stop_tokens),
    program: assembleMultiplE(f.prompt, generation, f.stop_tokens, f.tests),
  }));
  return { kind: "generated", temperature: f.temperature ?? null, samples };
}
