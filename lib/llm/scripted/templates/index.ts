import { languageName } from "@/lib/domain/language-names";
import { bash } from "./bash";
import { cpp } from "./cpp";
import { csharp } from "./csharp";
import { java } from "./java";
import { javascript } from "./javascript";
import { php } from "./php";
import { python } from "./python";
import type { Implementation, LanguageTemplates, ProblemKey } from "./types";
import { typescript } from "./typescript";

/**
 * The demo model's repertoire: four small problems written in each of the eight languages,
 * with tests that pass, and a planted bug per implementation that the tests catch.
 */

export type { Implementation, ProblemKey };

export const TEMPLATES: Record<string, LanguageTemplates> = { py: python, java, cpp, cs: csharp, ts: typescript, js: javascript, php, sh: bash };

export const PROBLEM_KEYS: ProblemKey[] = ["sum-evens", "is-palindrome", "max-subarray", "run-length"];

const TASKS: Record<ProblemKey, string> = {
  "sum-evens": "takes a list of integers and returns the sum of its even numbers. Negative even numbers count; an empty list gives 0.",
  "is-palindrome": "tells whether a string is a palindrome when only letters and digits are considered and case is ignored. The empty string is a palindrome.",
  "max-subarray": "takes a non-empty list of integers and returns the largest sum of a contiguous, non-empty sub-list (the list may be all negative).",
  "run-length": 'run-length encodes a string: each run of equal characters becomes the character followed by the run length, so "aaabcc" becomes "a3b1c2"; the empty string gives the empty string.',
};

export function templateLanguage(language: string): string {
  return TEMPLATES[language] ? language : "py";
}

export function implementation(language: string, key: ProblemKey): Implementation {
  return TEMPLATES[templateLanguage(language)][key];
}

export function instructionFor(language: string, key: ProblemKey): string {
  const impl = implementation(language, key);
  const io = language === "sh" ? " The inputs are the function's arguments and the result is printed to standard output." : "";
  return `Write a ${languageName(language)} function \`${impl.fn}\` that ${TASKS[key]}${io}`;
}

/** The problem whose function name occurs first in the text, if any. */
export function findProblem(text: string): ProblemKey | null {
  let best: { key: ProblemKey; at: number } | null = null;
  for (const templates of Object.values(TEMPLATES)) {
    for (const key of PROBLEM_KEYS) {
      const at = text.indexOf(templates[key].fn);
      if (at >= 0 && (!best || at < best.at)) best = { key, at };
    }
  }
  return best?.key ?? null;
}

export function buggySolution(impl: Implementation): string {
  return impl.solution.replace(impl.bug[0], impl.bug[1]);
}
