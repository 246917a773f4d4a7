import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { prepareResume } from "@/lib/training/jobs-service";
import { isResumable } from "@/lib/training/topic";
import { casUpdate, type Variant } from "./advance";
import { enqueueAdvance } from "./enqueue-advance";

async function getVariant(db: Db, ablationId: string, key: string): Promise<Variant> {
  const v = await db.ablationVariant.findUnique({ where: { ablationId_key: { ablationId, key } } });
  if (!v) throw new AppError("not_found:ablation_variant", `Ablation ${ablationId} has no variant "${key}".`);
  return v;
}

/**
 * Uses an evaluation that already exists for a variant (a model trained elsewhere, an imported
 * result): the chain stops where it was and the variant's row in the table comes from it.
 */
export async function attachEvaluation(db: Db, ablationId: string, key: string, evaluationId: string): Promise<Variant> {
  const v = await getVariant(db, ablationId, key);
  const e = await db.evaluation.findUnique({ where: { id: evaluationId }, select: { id: true, status: true, jobId: true, reference: true } });
  if (!e || e.reference) throw new AppError("not_found:evaluation", `No evaluation ${evaluationId}`);
  const done = e.status === "succeeded";
  const failed = e.status === "failed" || e.status === "cancelled";
  const updated = await casUpdate(db, v, {
    evaluationId: e.id,
    evaluationAttached: true,
    step: done ? "done" : "evaluate",
    status: done ? "succeeded" : failed ? "failed" : "running",
    message: done ? `Evaluation ${e.id} attached.` : failed ? `The attached evaluation ${e.id} ${e.status}.` : `Waiting for the attached evaluation ${e.id}.`,
    jobId: done || failed ? null : e.jobId,
  });
  if (!updated) throw new AppError("conflict:ablation_variant", "The variant changed meanwhile; try again.");
  return updated;
}

/**
 * Runs a failed or blocked variant's step again: a failed training resumes from its last
 * checkpoint, a failed evaluation is made anew, anything else (a GPU now configured, an export
 * that failed) goes through its step again.
 */
export async function retryVariant(db: Db, ablationId: string, key: string): Promise<Variant> {
  const v = await getVariant(db, ablationId, key);
  if (v.status !== "failed" && v.status !== "blocked") throw new AppError("conflict:ablation_variant", `Only a failed or blocked variant can be retried (this one is ${v.status}).`);
  const trainingId = v.step === "train" ? v.trainingJobId : v.step === "dpo" ? v.dpoTrainingJobId : null;
  if (trainingId) {
    const tj = await db.trainingJob.findUnique({ where: { id: trainingId }, select: { status: true } });
    if (tj && isResumable(tj.status)) {
      await prepareResume(db, trainingId);
      const job = await enqueueJob(db, "training.run", { trainingJobId: trainingId, resume: true });
      return (await casUpdate(db, v, { status: "running", message: "Training resumed from its last checkpoint.", jobId: job.id }))!;
    }
  }
  const reset = await casUpdate(db, v, {
    status: "queued",
    message: null,
    ...(v.step === "evaluate" && !v.evaluationAttached ? { evaluationId: null } : {}),
  });
  if (!reset) throw new AppError("conflict:ablation_variant", "The variant changed meanwhile; try again.");
  await enqueueAdvance(db, v.id);
  return db.ablationVariant.findUniqueOrThrow({ where: { id: v.id } });
}
