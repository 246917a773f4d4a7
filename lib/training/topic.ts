/** The event stream of a training job: metrics, log lines, checkpoints, status changes. */
export const trainingTopic = (id: string) => `training:${id}`;

export const ACTIVE_STATUSES = ["queued", "starting", "running", "cancelling"] as const;
export const RESUMABLE_STATUSES = ["failed", "cancelled", "stopped"] as const;
export type TrainingStatus = "queued" | "starting" | "running" | "cancelling" | "succeeded" | "failed" | "cancelled" | "stopped";

export function isActive(status: string): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

export function isResumable(status: string): boolean {
  return (RESUMABLE_STATUSES as readonly string[]).includes(status);
}
