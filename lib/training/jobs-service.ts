import "server-only";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { TrainingJob } from "@/lib/db/generated/sqlite/client";
import { appendEvent } from "@/lib/events/store";
import { AppError } from "@/lib/errors";
import { defaultJobName, parseTrainConfig, type TrainConfig } from "@/lib/training/config";
import { toLlamaFactoryYaml, toTrlConfig, type MeasuredPlan } from "@/lib/training/export-formats";
import { planLaunch } from "@/lib/training/launch-plan";
import { foldNotes, NOTE_EVENTS, type JobNotes } from "@/lib/training/job-notes";
import { isActive, isResumable, trainingTopic } from "@/lib/training/topic";
import { scrubSecrets } from "@/lib/secrets/scrub";

/** A training job's stored config: the user's config plus where it runs and reports. */
export interface StoredTrainingConfig {
  train: TrainConfig;
  workDir: string;
  appUrl: string;
}

export interface Placement {
  workRoot: string;
  appUrl: string;
}

export type { TrainingJob };

export function storedConfig(job: Pick<TrainingJob, "config">): StoredTrainingConfig {
  const c = job.config as unknown as StoredTrainingConfig;
  return { ...c, train: parseTrainConfig(c.train) };
}

/** What a launch would run, before anything is created: the command or script, and the exports (LLaMA-Factory's batch from the measured plan when given). */
export function previewTraining(raw: unknown, placement: Placement, measured?: MeasuredPlan | null) {
  const train = parseTrainConfig(raw);
  const jobId = "<job-id>";
  const plan = planLaunch(train, { jobId, token: "<token>", workDir: path.join(placement.workRoot, jobId), appUrl: placement.appUrl });
  const trl = toTrlConfig(train);
  return { config: train, command: plan.display, llamaFactoryYaml: toLlamaFactoryYaml(train, measured), trlYaml: trl.yaml, trlCommand: trl.command };
}

/** Creates the row with its own token and the exact command it will run (shown and stored). */
export async function createTrainingJob(db: Db, raw: unknown, placement: Placement): Promise<TrainingJob> {
  const train = parseTrainConfig(raw);
  const token = randomBytes(32).toString("base64url");
  const row = await db.trainingJob.create({
    data: { name: train.name ?? defaultJobName(train), kind: train.kind, backend: train.backend, config: {}, token, status: "queued" },
  });
  const stored: StoredTrainingConfig = { train: { ...train, name: row.name }, workDir: path.join(placement.workRoot, row.id), appUrl: placement.appUrl };
  const plan = planLaunch(stored.train, { jobId: row.id, token, workDir: stored.workDir, appUrl: stored.appUrl });
  const job = await db.trainingJob.update({ where: { id: row.id }, data: { config: stored as object, command: plan.display } });
  await appendEvent(db, trainingTopic(job.id), "status", { status: "queued" });
  return job;
}

export async function getTrainingJob(db: Db, id: string): Promise<TrainingJob> {
  const job = await db.trainingJob.findUnique({ where: { id } });
  if (!job) throw new AppError("not_found:training_job", `No training job ${id}`);
  return job;
}

export async function listTrainingJobs(db: Db, limit = 100): Promise<TrainingJob[]> {
  return db.trainingJob.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}

/** Without the token: what pages and the API show. */
export function publicJob(job: TrainingJob) {
  const { token: _token, ...rest } = job;
  return rest;
}

export async function setStatus(db: Db, id: string, status: string, data: Partial<Pick<TrainingJob, "error" | "logTail" | "externalId" | "command">> = {}): Promise<void> {
  const error = data.error ? scrubSecrets(data.error) : data.error;
  await db.trainingJob.update({ where: { id }, data: { status, ...data, error } });
  await appendEvent(db, trainingTopic(id), "status", { status, error: error ?? null });
}

/**
 * Cancel: a queued job never starts; a running one is marked "cancelling" and its runner (the
 * worker or the CLI, which watch the row) sends the trainer SIGTERM: it checkpoints, then exits.
 */
export async function cancelTrainingJob(db: Db, id: string): Promise<TrainingJob> {
  const job = await getTrainingJob(db, id);
  if (!isActive(job.status)) return job;
  await setStatus(db, id, job.status === "queued" ? "cancelled" : "cancelling");
  return getTrainingJob(db, id);
}

/** Resume: the same job again from its last checkpoint (python -m trainer … --resume). */
export async function prepareResume(db: Db, id: string): Promise<TrainingJob> {
  const job = await getTrainingJob(db, id);
  if (!isResumable(job.status)) {
    throw new AppError("conflict:training_job", `Only a failed, cancelled or stopped job can be resumed (this one is ${job.status}).`);
  }
  const stored = storedConfig(job);
  const plan = planLaunch(stored.train, { jobId: id, token: job.token, workDir: stored.workDir, appUrl: stored.appUrl, resume: true });
  await setStatus(db, id, "queued", { error: null, command: plan.display });
  await appendEvent(db, trainingTopic(id), "resume", {});
  return getTrainingJob(db, id);
}

export async function listMetricPoints(db: Db, ids: string[]) {
  return db.metricPoint.findMany({ where: { trainingJobId: { in: ids } }, orderBy: [{ step: "asc" }], select: { trainingJobId: true, step: true, name: true, value: true } });
}

export async function listCheckpoints(db: Db, id: string): Promise<{ step: number; path: string; final: boolean }[]> {
  const events = await db.event.findMany({ where: { topic: trainingTopic(id), type: { in: ["checkpoint", "final"] } }, orderBy: { seq: "asc" } });
  return events.map((e) => {
    const d = e.data as { step: number; path: string };
    return { step: d.step, path: d.path, final: e.type === "final" };
  });
}

/** The trainer's notes on a job (attention path, step plan, best eval, early stop, final weights). */
export async function listJobNotes(db: Db, id: string): Promise<JobNotes> {
  const events = await db.event.findMany({ where: { topic: trainingTopic(id), type: { in: [...NOTE_EVENTS] } }, orderBy: { seq: "asc" }, select: { type: true, data: true } });
  return foldNotes(events);
}
