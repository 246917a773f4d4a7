import "server-only";
import { getDefaultPool } from "@/lib/sandbox";
import { executeItems } from "@/lib/sandbox/execute-items";
import type { Execute, ExecutionResult } from "@/lib/evals/types";

/** The product's executor: every generated program runs in the sandbox (lib/sandbox). */
export function getExecutor(): Execute {
  const execute = (items: Parameters<Execute>[0], opts?: Parameters<Execute>[1]) => executeItems(items, opts) as Promise<Map<string, ExecutionResult>>;
  // The pool's size, read when asked: a closed default pool is replaced by one of the same size.
  return Object.defineProperty(execute, "slots", { get: () => getDefaultPool().size, enumerable: true }) as Execute;
}
