import type { SelfTest } from "@/lib/sandbox/testing/benchmarks";
import { readJsonl } from "@/lib/sandbox/testing/benchmarks";
import type { LanguageId } from "@/lib/sandbox/types";

/**
 * MultiPL-E's self-test for the languages it has no test_inputs file for here: the real
 * HumanEval_53 (add) prompt and tests of `humaneval-LANG.jsonl` with three completions written
 * for this suite: 0 is correct (must pass), 1 does not compile or parse, 2 compiles and returns a
 * wrong answer (the language's test library must make that a failure).
 */
const COMPLETIONS: Partial<Record<LanguageId, [string, string, string]>> = {
  go: ["    return x + y\n}\n", "    retrun x + y\n}\n", "    return x - y\n}\n"],
  rs: ["    x + y\n", "    x + \n", "    x - y\n"],
  rb: ["  x + y\nend\n", "  x + \nend\n", "  x - y\nend\n"],
  lua: ["    return x + y\nend\n", "    retrun x + y\nend\n", "    return x - y\nend\n"],
  pl: ["    return $x + $y;\n}\n", "    return $x + ;\n}\n", "    return $x - $y;\n}\n"],
  r: ["\n    x + y\n}\n", "\n    x + \n}\n", "\n    x - y\n}\n"],
  rkt: ["  (+ x y))\n", "  (+ x y)\n", "  (- x y))\n"],
  d: ["{\n    return x + y;\n}\n", "{\n    return x + ;\n}\n", "{\n    return x - y;\n}\n"],
  scala: ["        return x + y;\n", "        return x + ;\n", "        return x - y;\n"],
};

export const SELF_TESTED_MORE_LANGUAGES = Object.keys(COMPLETIONS) as LanguageId[];

export function moreLanguagesSelfTest(language: LanguageId): SelfTest {
  const completions = COMPLETIONS[language];
  if (!completions) throw new Error(`no self-test completions for ${language}`);
  const record = readJsonl<Omit<SelfTest, "completions">>(`multipl-e/humaneval-${language}.jsonl`).find((r) => r.name === "HumanEval_53_add");
  if (!record) throw new Error(`HumanEval_53_add missing from humaneval-${language}.jsonl`);
  return { ...record, completions };
}
