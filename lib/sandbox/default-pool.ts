import "server-only";
import { SandboxPool, type RunManyOptions, type RunOptions, type SandboxPoolOptions } from "@/lib/sandbox/pool";
import type { ExecutionResult, Limits, ProgramSpec } from "@/lib/sandbox/types";

let defaultPool: SandboxPool | null = null;

/** The process-wide pool (created on first use, sized to the machine). */
export function getDefaultPool(options?: SandboxPoolOptions): SandboxPool {
  defaultPool ??= new SandboxPool(options);
  return defaultPool;
}

export async function closeDefaultPool(): Promise<void> {
  const pool = defaultPool;
  defaultPool = null;
  await pool?.close();
}

/** Runs one program in the default pool. */
export function runProgram(spec: ProgramSpec & { limits?: Partial<Limits> }, options?: RunOptions): Promise<ExecutionResult> {
  return getDefaultPool().run(spec, options);
}

/** Runs many programs in the default pool; results in input order. */
export function runMany(specs: ProgramSpec[], options?: RunManyOptions): Promise<ExecutionResult[]> {
  return getDefaultPool().runMany(specs, options);
}
