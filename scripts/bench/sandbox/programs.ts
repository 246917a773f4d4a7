import { readFileSync } from "node:fs";
import path from "node:path";
import { assembleMultiplE } from "@/lib/sandbox/assemble-multipl-e";
import { HUMANEVAL_X_EXCEPTIONS } from "@/lib/sandbox/testing/humaneval-x";
import type { LanguageId } from "@/lib/sandbox/types";

export const BENCHMARKS = path.resolve(process.cwd(), "../shared/benchmarks");

function jsonl<T>(file: string): T[] {
  return readFileSync(path.join(BENCHMARKS, file), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export interface BenchProgram {
  name: string;
  language: LanguageId;
  program: string;
}

/** Completions that compile (or parse) and then fail MultiPL-E's tests. */
const STUB_COMPLETIONS: Partial<Record<LanguageId, string>> = {
  py: "    raise NotImplementedError()\n",
  cpp: "    return {};\n",
  java: "        throw new RuntimeException();\n",
  cs: "        throw new Exception();\n",
  ts: "  throw new Error(\"stub\");\n}\n",
  js: "  throw new Error(\"stub\");\n}\n",
  php: "  throw new Exception(\"stub\");\n}\n",
  sh: "    return 1\n",
  go: "    panic(\"stub\")\n}\n",
  rs: "    panic!(\"stub\")\n",
  rb: "  raise \"stub\"\nend\n",
  lua: "    error(\"stub\")\nend\n",
  pl: "    die \"stub\";\n}\n",
  r: "\n    stop(\"stub\")\n}\n",
  rkt: "  (error \"stub\"))\n",
  scala: "        throw new RuntimeException(\"stub\");\n",
  d: "{\n    assert(0);\n}\n",
};

/**
 * The evaluation workload itself: MultiPL-E HumanEval prompts + tests for every language, with
 * a stub completion (no correct completions exist outside Python). Compile costs are real; the
 * verdicts are failures.
 */
export function multiplEStubPrograms(language: LanguageId): BenchProgram[] {
  return jsonl<{ name: string; prompt: string; tests: string; stop_tokens: string[] }>(`multipl-e/humaneval-${language}.jsonl`).map((r) => ({
    name: r.name,
    language,
    program: assembleMultiplE({ ...r, completion: STUB_COMPLETIONS[language] ?? "" }),
  }));
}

/**
 * Known-good programs per language: MultiPL-E HumanEval prompts with the canonical Python
 * completions; HumanEval-X canonical solutions for cpp, java and js (minus the documented
 * exceptions); McEval canonical solutions for ts, cs, php and sh (MultiPL-E has no canonical
 * completions there).
 */
export function benchPrograms(language: LanguageId): BenchProgram[] {
  switch (language) {
    case "py": {
      const prompts = new Map(jsonl<{ name: string; prompt: string; tests: string; stop_tokens: string[] }>("multipl-e/humaneval-py.jsonl").map((r) => [r.name, r]));
      return jsonl<{ name: string; completion: string }>("multipl-e/humaneval-py-canonical-completions.jsonl").map((c) => {
        const p = prompts.get(c.name)!;
        return { name: c.name, language, program: assembleMultiplE({ ...p, completion: c.completion }) };
      });
    }
    case "cpp":
    case "java":
    case "js": {
      const file = { cpp: "cpp", java: "java", js: "js" }[language];
      const skip = HUMANEVAL_X_EXCEPTIONS;
      return jsonl<{ task_id: string; prompt: string; canonical_solution: string; test: string }>(`humaneval-x/humaneval_${file}.jsonl`)
        .filter((r) => !skip.has(r.task_id))
        .map((r) => ({ name: r.task_id, language, program: `${r.prompt}${r.canonical_solution}\n${r.test}` }));
    }
    case "ts":
    case "cs":
    case "php":
    case "sh": {
      const file = { ts: "TypeScript", cs: "C#", php: "PHP", sh: "Shell" }[language];
      const separator = language === "sh" ? "\n" : "";
      return jsonl<{ task_id: string; prompt: string; canonical_solution: string; test: string }>(`mceval/${file}.jsonl`).map((r) => ({
        name: r.task_id,
        language,
        program: `${r.prompt}${separator}${r.canonical_solution}\n${r.test}`,
      }));
    }
    default:
      // No canonical solutions in the shared data for the other MultiPL-E languages: use --suite multipl-e.
      return [];
  }
}
