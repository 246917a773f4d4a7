import { z } from "zod";
import { AppError } from "@/lib/errors";
import { HUMANEVAL_STOP_TOKENS } from "@/lib/evals/loaders/humaneval";
import { MBPP_STOP_TOKENS } from "@/lib/evals/loaders/mbpp";
import { parseJsonl } from "@/lib/evals/loaders/parse-json";
import { validateRecord } from "@/lib/evals/loaders/record-schema";
import type { BenchmarkProblem } from "@/lib/evals/types";

/**
 * EvalPlus HumanEval+ / MBPP+ JSONL as documented in evalplus/data/humaneval.py and mbpp.py:
 * task_id ("HumanEval/0" or "Mbpp/2"), prompt, entry_point, canonical_solution (HumanEval+: the
 * body after the prompt; MBPP+ may carry the whole function in `code` instead), base_input and
 * plus_input (lists of argument lists), atol. `contract` and `test` are ignored: the verdict
 * comes from differential testing against the reference (see evalplus-harness.ts).
 */
const Record = z.object({
  task_id: z.string().regex(/^(HumanEval|Mbpp)\/\d+$/, 'expected "HumanEval/N" or "Mbpp/N"'),
  prompt: z.string(),
  entry_point: z.string().min(1),
  canonical_solution: z.string().optional(),
  code: z.string().optional(),
  base_input: z.array(z.unknown()),
  plus_input: z.array(z.unknown()).default([]),
  atol: z.number().nullable().default(0),
});

export interface EvalPlusOptions {
  /** "plus" (default) tests base_input + plus_input, as the + scores do; "base" only base_input. */
  suite?: "plus" | "base";
}

export function parseEvalPlus(text: string, source: string, opts: EvalPlusOptions = {}): BenchmarkProblem[] {
  return parseJsonl(text, source).map(({ line, value }) => {
    const r = validateRecord(Record, value, source, `line ${line}`);
    const isMbpp = r.task_id.startsWith("Mbpp/");
    const body = r.canonical_solution ?? r.code;
    if (body === undefined) throw new AppError("invalid:benchmark", `${source}, line ${line}: needs canonical_solution or code.`);
    const definesEntry = new RegExp(`def\\s+${r.entry_point}\\s*\\(`).test(body);
    const reference = definesEntry ? body : r.prompt + body;
    return {
      format: "evalplus",
      benchmark: isMbpp ? "mbpp+" : "humaneval+",
      id: r.task_id,
      language: "py",
      prompt: r.prompt,
      stopTokens: isMbpp ? MBPP_STOP_TOKENS : HUMANEVAL_STOP_TOKENS,
      entryPoint: r.entry_point,
      reference,
      inputs: opts.suite === "base" ? r.base_input : [...r.base_input, ...r.plus_input],
      atol: r.atol ?? 0,
      mbppTaskNumber: isMbpp ? Number(r.task_id.split("/")[1]) : null,
    };
  });
}
