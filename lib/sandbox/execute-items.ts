import "server-only";
import { runMany } from "@/lib/sandbox/default-pool";
import { isLanguageId, type ExecutionResult, type ProgramSpec } from "@/lib/sandbox/types";
import { AppError } from "@/lib/errors";

export interface ExecutionItem {
  id: string;
  language: string;
  program: string;
}

/**
 * Runs a batch of programs in the sandbox pool and reports each result as it finishes, keyed by
 * the caller's id: the shape the evaluation and DPO stages consume.
 */
export async function executeItems(
  items: ExecutionItem[],
  opts: { signal?: AbortSignal; onResult?: (id: string, r: ExecutionResult) => void } = {},
): Promise<Map<string, ExecutionResult>> {
  const specs: ProgramSpec[] = items.map((it) => {
    if (!isLanguageId(it.language)) throw new AppError("invalid:language", `The sandbox has no language "${it.language}".`);
    return { language: it.language, program: it.program };
  });
  const out = new Map<string, ExecutionResult>();
  await runMany(specs, {
    signal: opts.signal,
    onResult: (result, index) => {
      out.set(items[index].id, result);
      opts.onResult?.(items[index].id, result);
    },
  });
  return out;
}
