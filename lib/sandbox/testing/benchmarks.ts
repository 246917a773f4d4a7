import { readFileSync } from "node:fs";
import path from "node:path";
import type { LanguageId } from "@/lib/sandbox/types";

/** The shared public benchmark data (see ../shared/benchmarks/README.md). */
export const BENCHMARKS_DIR = path.resolve(process.cwd(), "../shared/benchmarks");

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(path.join(BENCHMARKS_DIR, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export interface SelfTest {
  name: string;
  prompt: string;
  tests: string;
  completions: string[];
  stop_tokens: string[];
}

/** MultiPL-E's evaluator self-test: completion 0 must pass, completion 1 must fail. */
export function multiplESelfTest(language: LanguageId): SelfTest {
  return JSON.parse(readFileSync(path.join(BENCHMARKS_DIR, `multipl-e/test_inputs/${language}-davinci-0.2-keep-HumanEval53.json`), "utf8")) as SelfTest;
}
