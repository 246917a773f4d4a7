import type { BackendPlan } from "@/lib/training/launch-plan";

export interface BackendHooks {
  /** Aborted when the job should stop: the trainer gets SIGTERM (checkpoint, then exit). */
  signal: AbortSignal;
  onLines(lines: string[]): void;
  /** pid:<n>, slurm:<id> or ssh:<target>:<dir>, stored as TrainingJob.externalId */
  onExternalId(id: string): Promise<void> | void;
  /** environment for the processes started (tests put fake Slurm tools on PATH) */
  env?: NodeJS.ProcessEnv;
  pollMs?: number;
  /** how long the trainer gets to checkpoint after SIGTERM before it is killed */
  graceMs?: number;
}

export interface BackendResult {
  exitCode: number | null;
  /** what ended it: "exited", "signal SIGKILL", a Slurm state (COMPLETED, FAILED, NODE_FAIL…), "connection lost" */
  state: string;
}

export type RunBackend = (plan: BackendPlan, hooks: BackendHooks) => Promise<BackendResult>;
