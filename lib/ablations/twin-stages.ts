import "server-only";
import type { Db } from "@/lib/db/client";
import { dpoSettingsSchema, type DpoSettings } from "@/lib/pipeline/dpo/dpo-options";
import { runTopic } from "@/lib/pipeline/run/ids";
import { VERIFY_JOB } from "@/lib/pipeline/verify/ids";

/**
 * What a discussion-mode twin run must go through after generation so that its data is made the
 * way its source's was: "verify" when the source's samples were executed or it has Ds4 pairs.
 * Its Ds4 is not made on the run: like every variant keeping Ds4, the twin samples its own SFT
 * model for it (the sample step, with the settings the source's DPO stage recorded), so its
 * verified samples are the queries. Without this the twin would be trained on samples whose tests
 * fail, or have no query to sample, and the comparison would measure the stages, not the mode.
 */
export type TwinStage = { kind: "verify"; job: typeof VERIFY_JOB };

export async function stageFollowingSource(db: Db, sourceRunId: string): Promise<TwinStage | null> {
  const made = (await db.dpoPair.count({ where: { runId: sourceRunId } })) > 0 || (await db.sample.count({ where: { runId: sourceRunId, verdict: { not: null } } })) > 0;
  return made ? { kind: "verify", job: VERIFY_JOB } : null;
}

/** The settings of the run's latest DPO stage (recorded with its "stage" event), or null. */
export async function recordedDpoSettings(db: Db, runId: string): Promise<DpoSettings | null> {
  const events = await db.event.findMany({ where: { topic: runTopic(runId), type: "stage" }, orderBy: { seq: "desc" }, select: { data: true } });
  for (const e of events) {
    const data = e.data as { stage?: string; settings?: unknown } | null;
    if (data?.stage !== "dpo") continue;
    const parsed = dpoSettingsSchema.safeParse(data.settings);
    if (parsed.success) return parsed.data;
  }
  return null;
}

export function describeTwinStage(_stage: TwinStage, twinRunId: string): string {
  return `Verifying the samples of run ${twinRunId}, as its source's were.`;
}
