import type { RunConfig } from "@/lib/domain/run-config";
import type { ModelClient } from "@/lib/llm/model-client";
import { AppError } from "@/lib/errors";

/** What every agent function needs: the model client, the run config and a cancel signal. */
export interface AgentContext {
  client: ModelClient;
  config: RunConfig;
  signal?: AbortSignal;
}

/**
 * Cancellation is the one thing agent functions throw for: the step did not fail, the run was
 * stopped, and nothing of the interrupted step should be recorded as done.
 */
export class StepCancelled extends AppError {
  constructor(step: string) {
    super("cancelled:step", `Cancelled during ${step}.`, { status: 499 });
  }
}

/**
 * Runs one step; undefined when it was cancelled: nothing of it is recorded, and a resumed
 * run redoes it. Any other error goes on up.
 */
export async function cancellable<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StepCancelled) return undefined;
    throw e;
  }
}

export function throwIfCancelled(ctx: AgentContext, step: string, failureKind?: string): void {
  if (ctx.signal?.aborted || failureKind === "cancelled") throw new StepCancelled(step);
}
