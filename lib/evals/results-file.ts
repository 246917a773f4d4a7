import "server-only";
import { appendFile, readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { parseJsonl } from "@/lib/evals/loaders/parse-json";
import type { SampleResult } from "@/lib/evals/types";

/** Per-sample results as JSON Lines: the CLI's store, read back to resume a run. */
export async function readResultsFile(path: string): Promise<SampleResult[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new AppError("invalid:results", `Could not read ${path}.`, { cause: e });
  }
  return parseJsonl(text, path).map(({ line, value }) => {
    const r = value as Partial<SampleResult>;
    if (typeof r.problemId !== "string" || typeof r.sampleIndex !== "number" || typeof r.passed !== "boolean" || typeof r.benchmark !== "string") {
      throw new AppError("invalid:results", `${path}, line ${line}: not a sample result.`);
    }
    return r as SampleResult;
  });
}

export function appendResult(path: string, result: SampleResult): Promise<void> {
  return appendFile(path, JSON.stringify(result) + "\n");
}
