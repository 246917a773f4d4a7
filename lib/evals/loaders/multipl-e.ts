import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseJsonl } from "@/lib/evals/loaders/parse-json";
import { validateRecord } from "@/lib/evals/loaders/record-schema";
import { EVAL_LANGUAGES, type BenchmarkProblem, type Language } from "@/lib/evals/types";

/** One MultiPL-E problem record (the JSONL line; also the head of its per-problem files). */
export const MultiplERecord = z.object({
  name: z.string().min(1),
  language: z.string().min(1),
  prompt: z.string(),
  tests: z.string(),
  stop_tokens: z.array(z.string()),
});

/** MultiPL-E spells some languages out in its evaluator inputs ("javascript"); Go's records carry the file suffix. */
const ALIASES: Record<string, Language> = {
  python: "py", javascript: "js", typescript: "ts", csharp: "cs", bash: "sh", shell: "sh",
  go_test: "go", "go_test.go": "go", golang: "go", rust: "rs", ruby: "rb", perl: "pl", racket: "rkt", julia: "jl",
};

export function toEvalLanguage(raw: string): Language | null {
  const l = raw.toLowerCase();
  if ((EVAL_LANGUAGES as readonly string[]).includes(l)) return l as Language;
  return ALIASES[l] ?? null;
}

/** MultiPL-E JSONL (HF config humaneval-LANG): name, language, prompt, tests, stop_tokens. */
export function parseMultiplE(text: string, source: string): BenchmarkProblem[] {
  return parseJsonl(text, source).map(({ line, value }) => {
    const r = validateRecord(MultiplERecord, value, source, `line ${line}`);
    const language = toEvalLanguage(r.language);
    if (!language) {
      throw new AppError("invalid:benchmark", `${source}, line ${line}: language "${r.language}" is not one of ${EVAL_LANGUAGES.join(", ")}.`);
    }
    return { format: "multipl-e", benchmark: "multipl-e", id: r.name, language, prompt: r.prompt, tests: r.tests, stopTokens: r.stop_tokens };
  });
}
