import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseJson } from "@/lib/evals/loaders/parse-json";
import { validateRecord } from "@/lib/evals/loaders/record-schema";
import type { BenchmarkProblem } from "@/lib/evals/types";

const Record = z.object({
  task_id: z.union([z.number().int(), z.string().min(1)]),
  prompt: z.string().min(1),
  code: z.string().optional(),
  test_imports: z.array(z.string()).default([]),
  test_list: z.array(z.string()).min(1),
});

/** bigcode-evaluation-harness' MBPP stop words (completion mode). */
export const MBPP_STOP_TOKENS = ["\nclass", "\nassert", '\n"""', "\nprint", "\nif", "\n<|/", "\n```"];

/**
 * Sanitized MBPP (google-research, sanitized-mbpp.json: a JSON array of task_id, prompt, code,
 * test_imports, test_list). A chat-style problem: the model writes the function, the program is
 * code + test imports + asserts. Completion mode uses the InCoder/bigcode prompt, a docstring
 * holding the description and the first assert.
 */
export function parseMbpp(text: string, source: string): BenchmarkProblem[] {
  const data = parseJson(text, source);
  if (!Array.isArray(data)) throw new AppError("invalid:benchmark", `${source}: sanitized MBPP must be a JSON array of tasks.`);
  return data.map((value, i) => {
    const r = validateRecord(Record, value, source, `task #${i + 1}`);
    return {
      format: "mbpp",
      benchmark: "mbpp",
      id: `Mbpp/${r.task_id}`,
      language: "py",
      description: r.prompt,
      testList: r.test_list,
      testImports: r.test_imports,
      prompt: `"""\n${r.prompt}\n${r.test_list[0]}\n"""\n`,
      stopTokens: MBPP_STOP_TOKENS,
    };
  });
}

export function mbppReferenceCode(text: string, source: string): Map<string, string> {
  const data = parseJson(text, source) as unknown[];
  return new Map(data.map((value, i) => {
    const r = validateRecord(Record, value, source, `task #${i + 1}`);
    return [`Mbpp/${r.task_id}`, r.code ?? ""];
  }));
}
