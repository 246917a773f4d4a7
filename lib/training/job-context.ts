import "server-only";
import type { Db } from "@/lib/db/client";
import { storedConfig, type TrainingJob } from "@/lib/training/jobs-service";

/** What the training list shows per job beyond its row: model, data, how far it got, its last loss. */
export interface TrainingJobSummary {
  baseModel: string;
  dataset: string;
  method: string;
  maxSteps: number | null;
  lastStep: number | null;
  lastLoss: number | null;
}

export async function summarizeTrainingJobs(db: Db, jobs: TrainingJob[]): Promise<Map<string, TrainingJobSummary>> {
  const ids = jobs.map((j) => j.id);
  const lastSteps = await db.metricPoint.groupBy({ by: ["trainingJobId"], where: { trainingJobId: { in: ids }, name: "loss" }, _max: { step: true } });
  const last = lastSteps.length
    ? await db.metricPoint.findMany({
        where: { OR: lastSteps.map((l) => ({ trainingJobId: l.trainingJobId, name: "loss", step: l._max.step ?? -1 })) },
        select: { trainingJobId: true, step: true, value: true },
      })
    : [];
  const byJob = new Map(last.map((p) => [p.trainingJobId, p]));
  return new Map(
    jobs.map((j) => {
      const c = storedConfigOrNull(j)?.train;
      const p = byJob.get(j.id);
      return [j.id, { baseModel: c?.baseModel ?? "?", dataset: c?.dataset ?? "?", method: c?.method ?? "?", maxSteps: c?.training.maxSteps ?? null, lastStep: p?.step ?? null, lastLoss: p?.value ?? null }];
    }),
  );
}

/** The job's stored config, or null for a row whose config was never stored (created, then the launch failed). */
export function storedConfigOrNull(job: TrainingJob) {
  try {
    return storedConfig(job);
  } catch {
    return null;
  }
}

/** The records a training job belongs to or produced: ablation variants, the run its data came from, evaluations of its outputs. */
export interface TrainingJobLinks {
  ablations: { ablationId: string; ablationName: string; variantKey: string; runId: string }[];
  evaluations: { id: string; name: string; status: string; model: string }[];
}

export async function trainingJobLinks(db: Db, job: TrainingJob): Promise<TrainingJobLinks> {
  const variants = await db.ablationVariant.findMany({
    where: { OR: [{ trainingJobId: job.id }, { dpoTrainingJobId: job.id }] },
    select: { key: true, runId: true, evaluationId: true, ablation: { select: { id: true, name: true } } },
  });
  const workDir = storedConfigOrNull(job)?.workDir ?? null;
  const evaluationIds = variants.map((v) => v.evaluationId).filter((id): id is string => Boolean(id));
  const or = [...(evaluationIds.length ? [{ id: { in: evaluationIds } }] : []), ...(workDir ? [{ model: { startsWith: workDir } }] : [])];
  const evaluations = or.length
    ? await db.evaluation.findMany({ where: { OR: or }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, name: true, status: true, model: true } })
    : [];
  return {
    ablations: variants.map((v) => ({ ablationId: v.ablation.id, ablationName: v.ablation.name, variantKey: v.key, runId: v.runId })),
    evaluations,
  };
}
