export type ProblemKey = "sum-evens" | "is-palindrome" | "max-subarray" | "run-length";

export interface Implementation {
  /** the function's name in this language; the scripted model finds problems by it */
  fn: string;
  solution: string;
  tests: string;
  /** a planted bug: replacing `bug[0]` by `bug[1]` in the solution makes the tests fail */
  bug: [string, string];
}

export type LanguageTemplates = Record<ProblemKey, Implementation>;
