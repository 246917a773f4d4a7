import "server-only";
import { executeItems } from "@/lib/sandbox/execute-items";
import type { Execute, ExecutionResult } from "@/lib/evals/types";

/** The product's executor: every generated program runs in the sandbox (lib/sandbox). */
export function getExecutor(): Execute {
  return (items, opts) => executeItems(items, opts) as Promise<Map<string, ExecutionResult>>;
}
