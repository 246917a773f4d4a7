/**
 * Names of a run's rows and steps. Database ids of agents and samples derive from the run id
 * and the runtime's stable ids (agent:ds1:<snippet>:0, ds3:d1.0), so a resumed run writes the
 * same ids and a step can reference rows of earlier steps without looking them up.
 */

export const runTopic = (runId: string) => `run:${runId}`;

export const dbAgentId = (runId: string, agentId: string) => `${runId}:${agentId}`;
export const dbSampleId = (runId: string, sampleId: string) => `${runId}:${sampleId}`;

/** The runtime id back from a database id of this run. */
export const runtimeId = (runId: string, dbId: string) => (dbId.startsWith(`${runId}:`) ? dbId.slice(runId.length + 1) : dbId);

export const seedStepKey = (sampleId: string) => `seed:${sampleId}`;
export const discussStepKey = (discussionId: string) => `discuss:${discussionId}`;
export const AGENTS_STEP_KEY = "agents";

export const GENERATION_JOB = "generation.run";

export type RunStatus = "queued" | "running" | "paused" | "succeeded" | "completed_with_errors" | "failed" | "cancelled";
export const TERMINAL_STATUSES: readonly RunStatus[] = ["succeeded", "completed_with_errors", "failed", "cancelled"];
/** Terminal statuses whose samples are there to verify, train on and export. */
export const COMPLETED_STATUSES: readonly string[] = ["succeeded", "completed_with_errors"];
