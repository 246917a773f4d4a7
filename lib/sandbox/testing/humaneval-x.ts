import type { ProgramSpec } from "@/lib/sandbox/types";
import { readJsonl } from "@/lib/sandbox/testing/benchmarks";

export const HUMANEVAL_X_LANGUAGES = { python: "py", cpp: "cpp", java: "java", js: "js" } as const;
export type HumanEvalXLanguage = keyof typeof HUMANEVAL_X_LANGUAGES;

/**
 * Known not to pass by construction: Boost in cpp 22 and 137, js-md5 in js 162 (benchmarks README),
 * and OpenSSL md5 in cpp 162, which links only with -lcrypto (not on MultiPL-E's g++ command line).
 */
export const HUMANEVAL_X_EXCEPTIONS = new Set(["CPP/22", "CPP/137", "CPP/162", "JavaScript/162"]);

interface PackRecord {
  task_id: string;
  prompt: string;
  canonical_solution: string;
  buggy_solution: string;
  test: string;
}

export interface HumanEvalXCase {
  taskId: string;
  kind: "canonical" | "buggy";
  spec: ProgramSpec;
}

/**
 * HumanEvalPack programs: prompt + solution + test. The harness's rule for JavaScript (its
 * tests use console.assert) is that any stderr output is a failure; see `passesHarness`.
 */
export function humanEvalXCases(language: HumanEvalXLanguage, every = 1): HumanEvalXCase[] {
  const records = readJsonl<PackRecord>(`humanevalpack/humanevalpack_${language}.jsonl`);
  return records
    .filter((r, i) => i % every === 0 && !HUMANEVAL_X_EXCEPTIONS.has(r.task_id))
    .flatMap((r) =>
      (["canonical", "buggy"] as const).map((kind) => ({
        taskId: r.task_id,
        kind,
        spec: { language: HUMANEVAL_X_LANGUAGES[language], program: `${r.prompt}${kind === "canonical" ? r.canonical_solution : r.buggy_solution}\n${r.test}` },
      })),
    );
}

export function passesHarness(language: HumanEvalXLanguage, result: { status: string; stderr: string }): boolean {
  return result.status === "ok" && (language !== "js" || result.stderr.trim() === "");
}
