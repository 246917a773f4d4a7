import "server-only";
import type { Db } from "@/lib/db/client";
import { dpoSettingsSchema, type DpoSettings } from "@/lib/pipeline/dpo/dpo-options";
import { runTopic } from "@/lib/pipeline/run/ids";
import { DPO_JOB, VERIFY_JOB } from "@/lib/pipeline/verify/ids";

/**
 * What a discussion-mode twin run must go through after generation so that its data is made
 * the way its source's was: the DPO stage (which verifies first) when the source has Ds4 pairs,
 * with the settings the source's stage recorded; "verify" when the source's samples were
 * executed; nothing otherwise. Without this the twin would be trained without Ds4, or on
 * samples whose tests fail, and the comparison would measure the stages, not the mode.
 */
export type TwinStage = { kind: "dpo"; job: typeof DPO_JOB; settings: DpoSettings; recorded: boolean } | { kind: "verify"; job: typeof VERIFY_JOB };

export async function stageFollowingSource(db: Db, sourceRunId: string): Promise<TwinStage | null> {
  if ((await db.dpoPair.count({ where: { runId: sourceRunId } })) > 0) {
    const recorded = await recordedDpoSettings(db, sourceRunId);
    return { kind: "dpo", job: DPO_JOB, settings: recorded ?? dpoSettingsSchema.parse({}), recorded: recorded !== null };
  }
  if ((await db.sample.count({ where: { runId: sourceRunId, verdict: { not: null } } })) > 0) return { kind: "verify", job: VERIFY_JOB };
  return null;
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

export function describeTwinStage(stage: TwinStage, twinRunId: string): string {
  if (stage.kind === "verify") return `Verifying the samples of run ${twinRunId}, as its source's were.`;
  const s = stage.settings;
  return `Making DPO pairs (Ds4) on run ${twinRunId} as on its source: n=${s.n}, temperature ${s.temperature}, at most ${s.maxPairs} pairs per query${s.model ? `, model ${s.model}` : ""}${stage.recorded ? "" : " (the source's settings were not recorded: defaults)"}.`;
}
