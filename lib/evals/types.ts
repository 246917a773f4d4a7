/**
 * Shared shapes of the evaluation library. Plain data only, so problems, generations and
 * results can be stored, resumed and sent to pages unchanged.
 */
import { MULTIPLE_LANGUAGES } from "@/lib/domain/language-names";

/** MultiPL-E's language keys, as the sandbox names them. */
export const EVAL_LANGUAGES = MULTIPLE_LANGUAGES;
export type Language = (typeof EVAL_LANGUAGES)[number];

export type Verdict = "ok" | "syntax_error" | "exception" | "timeout" | "memory" | "output_limit" | "unavailable";

export interface ExecutionResult {
  status: Verdict;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  compileOutput?: string;
  durationMs: number;
}

export interface ExecutionItem {
  id: string;
  language: Language;
  program: string;
}

/** The execution service (the sandbox in the product). Results arrive per item through onResult. */
export type Execute = ((
  items: ExecutionItem[],
  opts?: { signal?: AbortSignal; onResult?: (id: string, r: ExecutionResult) => void },
) => Promise<Map<string, ExecutionResult>>) & {
  /** How many programs it runs at once (the sandbox pool's size): callers keep that many busy. */
  readonly slots?: number;
};

export const BENCHMARKS = ["multipl-e", "humaneval", "mbpp", "humaneval+", "mbpp+"] as const;
export type BenchmarkId = (typeof BENCHMARKS)[number];

/**
 * One benchmark problem. `format` decides how a generation becomes a program
 * (see lib/evals/build-program.ts).
 */
export type BenchmarkProblem =
  | (ProblemBase & { format: "multipl-e"; tests: string })
  | (ProblemBase & { format: "humaneval"; tests: string; entryPoint: string })
  | (ProblemBase & { format: "mbpp"; description: string; testList: string[]; testImports: string[] })
  | (ProblemBase & { format: "evalplus"; entryPoint: string; reference: string; inputs: unknown[]; atol: number; mbppTaskNumber: number | null });

interface ProblemBase {
  /** Stable id within its benchmark: "HumanEval_0_has_close_elements", "HumanEval/0", "Mbpp/2". */
  id: string;
  benchmark: BenchmarkId;
  language: Language;
  /** Completion-mode prompt (what a base model continues). */
  prompt: string;
  stopTokens: string[];
}

export type GenerationMode = "completion" | "chat";

/**
 * Identifies one sample: the k-th generation for a problem. MultiPL-E names a problem the same
 * in every language ("HumanEval_53_add"), so the language is part of the identity.
 */
export interface SampleKey {
  benchmark: BenchmarkId;
  language: Language;
  problemId: string;
  sampleIndex: number;
}

export interface SampleResult extends SampleKey {
  /** Raw model output (completion text, or the whole chat answer). */
  generation: string;
  /** What was spliced into the program: the truncated completion, or the extracted code. */
  completion: string;
  program: string;
  status: Verdict;
  passed: boolean;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  compileOutput?: string;
  durationMs: number;
}

/** One problem of one language of a benchmark. */
export function problemKey(k: Omit<SampleKey, "sampleIndex">): string {
  return `${k.benchmark}|${k.language}|${k.problemId}`;
}

export function sampleKey(k: SampleKey): string {
  return `${problemKey(k)}|${k.sampleIndex}`;
}
