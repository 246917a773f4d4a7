import { z } from "zod";
import { parseJsonl } from "@/lib/evals/loaders/parse-json";
import { validateRecord } from "@/lib/evals/loaders/record-schema";
import type { BenchmarkProblem } from "@/lib/evals/types";

const Record = z.object({
  task_id: z.string().min(1),
  prompt: z.string(),
  test: z.string(),
  entry_point: z.string().min(1),
  canonical_solution: z.string().optional(),
});

/** bigcode-evaluation-harness' HumanEval stop words (completion mode). */
export const HUMANEVAL_STOP_TOKENS = ["\nclass", "\ndef", "\n#", "\n@", "\nprint", "\nif", "\n```"];

/**
 * openai/human-eval JSONL. Program = prompt + completion + "\n" + test + "\ncheck(entry_point)",
 * as human-eval's execution does.
 */
export function parseHumanEval(text: string, source: string): BenchmarkProblem[] {
  return parseJsonl(text, source).map(({ line, value }) => {
    const r = validateRecord(Record, value, source, `line ${line}`);
    return {
      format: "humaneval",
      benchmark: "humaneval",
      id: r.task_id,
      language: "py",
      prompt: r.prompt,
      tests: r.test,
      entryPoint: r.entry_point,
      stopTokens: HUMANEVAL_STOP_TOKENS,
    };
  });
}

/** The canonical solutions, by task id (used to check a loaded file end to end). */
export function humanEvalCanonical(text: string, source: string): Map<string, string> {
  return new Map(
    parseJsonl(text, source).map(({ line, value }) => {
      const r = validateRecord(Record, value, source, `line ${line}`);
      return [r.task_id, r.canonical_solution ?? ""];
    }),
  );
}
