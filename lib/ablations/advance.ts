import "server-only";
import type { Db } from "@/lib/db/client";
import type { AblationVariant } from "@/lib/db/generated/sqlite/client";
import { AppError } from "@/lib/errors";
import { createEvaluation } from "@/lib/evals/app/evaluations";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { enqueueVerify } from "@/lib/pipeline/verify/enqueue-stage";
import { createTrainingJob, listCheckpoints } from "@/lib/training/jobs-service";
import { sftSourceOf } from "@/lib/training/sft-source";
import { evaluationInputFor, modelNameFor, trainConfigFor, type AblationConfig } from "./config";
import { localGpuCount, missingGpuReason } from "./gpu";
import { describeTwinStage, stageFollowingSource } from "./twin-stages";
import { sampleVariantDs4 } from "./sample-step";
import { exportVariantDataset, type VariantDataset } from "./variant-dataset";
import { COMPLETED_STATUSES } from "@/lib/pipeline/run/ids";
import { parseVariantKey, variantLabel, variantSteps, type VariantSpec, type VariantStep } from "./variants";

/**
 * The chain of one variant, as a state machine over its row: generate (the other discussion
 * mode's run, then verified as its source was) → dataset (export) → train
 * (SFT) → sample (Ds4 from that SFT model: sampled, executed, paired) → dpo (on those pairs) →
 * evaluate → done. Each call does what the current step needs: starts
 * its job and returns (the job's end enqueues the next call), or, when the step's job has
 * ended, moves on. Every change is a compare-and-swap on the row's version, so two concurrent
 * calls never start a step twice.
 */

export type Variant = AblationVariant;
const TERMINAL = new Set(["succeeded", "failed", "blocked"]);
const FAILED_TRAINING = new Set(["failed", "cancelled", "stopped"]);

export interface AdvanceOptions {
  /** GPUs on this host (default: nvidia-smi) */
  gpus?: () => Promise<number>;
  /** the advance job's: stops a sample step in progress */
  signal?: AbortSignal;
}

interface Ctx {
  db: Db;
  spec: VariantSpec;
  config: AblationConfig;
  ablationName: string;
  /** the run the ablation was made from */
  sourceRunId: string;
  gpus: () => Promise<number>;
  signal?: AbortSignal;
}

export async function advanceVariant(db: Db, variantId: string, o: AdvanceOptions = {}): Promise<Variant> {
  const row = await db.ablationVariant.findUnique({ where: { id: variantId }, include: { ablation: true } });
  if (!row) throw new AppError("not_found:ablation_variant", `No ablation variant ${variantId}`);
  const { ablation, ...first } = row;
  const ctx: Ctx = { db, spec: parseVariantKey(first.key), config: ablation.config as unknown as AblationConfig, ablationName: ablation.name, sourceRunId: ablation.runId, gpus: o.gpus ?? localGpuCount, signal: o.signal };
  let v: Variant = first;
  for (let guard = 0; guard < 8 && !TERMINAL.has(v.status); guard++) {
    const next = await stepOnce(ctx, v);
    if (next === "wait") break;
    if (next === null) return db.ablationVariant.findUniqueOrThrow({ where: { id: variantId } }); // another call moved it
    v = next;
  }
  return v;
}

/** Writes `data` if nobody changed the row since it was read; null when somebody did. */
type VariantData = Partial<Omit<Variant, "id" | "version" | "dataset">> & { dataset?: object };

export async function casUpdate(db: Db, v: Variant, data: VariantData): Promise<Variant | null> {
  const { count } = await db.ablationVariant.updateMany({ where: { id: v.id, version: v.version }, data: { ...data, version: v.version + 1 } });
  return count === 1 ? db.ablationVariant.findUniqueOrThrow({ where: { id: v.id } }) : null;
}

/** Whether the variant's chain has Ds4 (old rows: the run's pairs were exported) and the pairs its sample step made. */
export function ds4Of(v: Pick<Variant, "dataset" | "dpoPairs">): { ds4: boolean; pairs: number | null } {
  const ds = v.dataset as Partial<VariantDataset> | null;
  return { ds4: ds?.ds4 ?? (v.dpoPairs ?? 0) > 0, pairs: ds?.sampling ? ds.sampling.pairs : null };
}

function nextStep(spec: VariantSpec, v: Pick<Variant, "step" | "dataset" | "dpoPairs">): VariantStep {
  const steps = variantSteps(spec, ds4Of(v));
  return steps[steps.indexOf(v.step as VariantStep) + 1] ?? "done";
}

const fail = (ctx: Ctx, v: Variant, message: string, status: "failed" | "blocked" = "failed") => casUpdate(ctx.db, v, { status, message, jobId: null });
const moveOn = (ctx: Ctx, v: Variant, extra: VariantData = {}) => {
  const step = nextStep(ctx.spec, { ...v, ...extra } as Variant);
  return casUpdate(ctx.db, v, { ...extra, step, status: step === "done" ? "succeeded" : "running", message: null, ...(step === "done" ? { jobId: null } : {}) });
};

async function stepOnce(ctx: Ctx, v: Variant): Promise<Variant | null | "wait"> {
  switch (v.step as VariantStep) {
    case "generate": return generateStep(ctx, v);
    case "dataset": return datasetStep(ctx, v);
    case "train": return trainStep(ctx, v, "sft");
    case "sample": return sampleStep(ctx, v);
    case "dpo": return trainStep(ctx, v, "dpo");
    case "evaluate": return evaluateStep(ctx, v);
    case "done": return casUpdate(ctx.db, v, { status: "succeeded", jobId: null });
  }
}

async function generateStep(ctx: Ctx, v: Variant) {
  const run = await ctx.db.run.findUnique({ where: { id: v.runId }, select: { status: true, error: true } });
  if (!run) return fail(ctx, v, `The generation run ${v.runId} was deleted.`);
  if (COMPLETED_STATUSES.includes(run.status)) return followSourceStages(ctx, v);
  if (run.status === "failed" || run.status === "cancelled") return fail(ctx, v, `The ${ctx.spec.key} generation run ${v.runId} ${run.status}${run.error ? `: ${run.error}` : ""}.`);
  const message = run.status === "paused" ? `The generation run ${v.runId} is paused: resume it, then Retry.` : `Generating data with ${ctx.spec.key} discussion (run ${v.runId}).`;
  if (v.message !== message) await casUpdate(ctx.db, v, { status: "running", message });
  return "wait" as const;
}

/**
 * After its generation, the twin run is verified as its source was (its Ds4 is sampled later from
 * its own SFT model, so the run's R-Generator is not asked for pairs) before its dataset is exported. The stage's job is
 * found by the twin run's id, so an advance woken by that job's end sees it; a retried variant
 * (status queued) starts a new one, which resumes where the failed one stopped.
 */
async function followSourceStages(ctx: Ctx, v: Variant) {
  const stage = await stageFollowingSource(ctx.db, ctx.sourceRunId);
  if (!stage) return moveOn(ctx, v);
  const job = await ctx.db.job.findFirst({ where: { runId: v.runId, type: stage.job }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, lastError: true } });
  if (job?.status === "succeeded") return moveOn(ctx, v);
  const ended = job?.status === "failed" || job?.status === "cancelled";
  if (job && !ended) {
    // wait on that job (one started by hand from the run page too): its end wakes this variant
    if (v.jobId !== job.id && !(await casUpdate(ctx.db, v, { jobId: job.id, status: "running", message: describeTwinStage(stage, v.runId) }))) return null;
    return "wait" as const;
  }
  if (ended && v.status !== "queued") {
    return fail(ctx, v, `The verify stage of run ${v.runId} ${job!.status}${job!.lastError ? `: ${job!.lastError.split("\n")[0]}` : ""}. Retry runs it again from where it stopped.`);
  }
  const claimed = await casUpdate(ctx.db, v, { status: "running", message: describeTwinStage(stage, v.runId) });
  if (!claimed) return null;
  const { jobId } = await enqueueVerify(ctx.db, v.runId);
  const linked = await casUpdate(ctx.db, claimed, { jobId });
  return linked ? ("wait" as const) : null;
}

async function datasetStep(ctx: Ctx, v: Variant) {
  const started = await casUpdate(ctx.db, v, { status: "running", message: "Exporting the variant's dataset." });
  if (!started) return null;
  let ds: VariantDataset;
  try {
    ds = await exportVariantDataset(ctx.db, { runId: v.runId, sourceRunId: ctx.sourceRunId, spec: ctx.spec, config: ctx.config, name: `${ctx.ablationName} ${v.key}` });
  } catch (e) {
    if (e instanceof AppError) return fail(ctx, started, e.message);
    throw e;
  }
  // pairs: none yet where the sample step will make them, 0 where the variant has no Ds4
  return moveOn(ctx, started, { exportId: ds.exportId, dataset: ds, sftSamples: ds.sftSamples, dpoPairs: ds.ds4 ? null : 0 });
}

async function finalModelOf(db: Db, trainingJobId: string): Promise<string | null> {
  return (await listCheckpoints(db, trainingJobId)).find((c) => c.final)?.path ?? null;
}

async function trainStep(ctx: Ctx, v: Variant, kind: "sft" | "dpo") {
  const id = kind === "sft" ? v.trainingJobId : v.dpoTrainingJobId;
  if (id) {
    const job = await ctx.db.trainingJob.findUnique({ where: { id }, select: { status: true, error: true } });
    if (!job) return fail(ctx, v, `The training job ${id} was deleted.`);
    if (job.status === "succeeded") return moveOn(ctx, v);
    if (FAILED_TRAINING.has(job.status)) return fail(ctx, v, `${kind.toUpperCase()} training ${job.status}${job.error ? `: ${job.error.split("\n")[0]}` : ""}. Resume it from its checkpoint with Retry, or attach an evaluation.`);
    return "wait" as const;
  }
  const ds = v.dataset as unknown as VariantDataset;
  let over: Record<string, unknown> = { name: `${ctx.ablationName} · ${v.key} · ${kind}`.slice(0, 200), kind };
  if (kind === "dpo") {
    const sft = v.trainingJobId ? await finalModelOf(ctx.db, v.trainingJobId) : null;
    if (!sft || !ds.dpoFile) return fail(ctx, v, "DPO needs the SFT model's final folder and the Ds4 pairs sampled from it; neither may be missing.");
    over = { ...over, baseModel: sft };
  }
  const train = trainConfigFor(ctx.config.training, kind === "sft" ? ds.sftFile : ds.dpoFile!, over);
  const gpuReason = missingGpuReason(train, await ctx.gpus());
  if (gpuReason) return fail(ctx, v, gpuReason, "blocked");
  // Claim the step before creating anything, so a concurrent call cannot launch it twice.
  const claimed = await casUpdate(ctx.db, v, { status: "running", message: `Training (${kind.toUpperCase()}).` });
  if (!claimed) return null;
  const row = await createTrainingJob(ctx.db, train, ctx.config.placement);
  const job = await enqueueJob(ctx.db, "training.run", { trainingJobId: row.id, resume: false });
  const linked = await casUpdate(ctx.db, claimed, { jobId: job.id, ...(kind === "sft" ? { trainingJobId: row.id } : { dpoTrainingJobId: row.id }) });
  return linked ? ("wait" as const) : null;
}

/**
 * Samples the variant's SFT model for its own Ds4 pairs, in this advance job. A worker that stops
 * meanwhile leaves the job to be taken again: it samples only the queries not yet in answers.jsonl
 * and finds the executions cached. The pairs file and counts are recorded in one write at the end.
 */
async function sampleStep(ctx: Ctx, v: Variant) {
  const source = v.trainingJobId ? await sftSourceOf(ctx.db, v.trainingJobId).catch((e) => (e instanceof AppError ? null : Promise.reject(e))) : null;
  if (!source) return fail(ctx, v, "Sampling Ds4 needs the SFT model's final folder, and the trainer reported none.");
  const where = source.host.backend === "local" ? "" : ` on its ${source.host.backend} backend`;
  const claimed = await casUpdate(ctx.db, v, { status: "running", message: `Sampling Ds4 from the SFT model ${source.model}${where}, then executing and pairing the answers.` });
  if (!claimed) return null;
  let made;
  try {
    made = await sampleVariantDs4(ctx.db, { variantId: v.id, runId: v.runId, sourceRunId: ctx.sourceRunId, config: ctx.config, sftModel: source.model, host: source.host, signal: ctx.signal });
  } catch (e) {
    if (e instanceof AppError) return fail(ctx, claimed, e.message);
    throw e;
  }
  const ds = { ...(claimed.dataset as unknown as VariantDataset), dpoFile: made.dpoFile, dpoPairs: made.sampling.pairs, sampling: made.sampling };
  // no pair (every answer passed, or none did): no DPO step, the SFT model is evaluated; the page shows the counts
  return moveOn(ctx, claimed, { dataset: ds, dpoPairs: made.sampling.pairs });
}

async function evaluateStep(ctx: Ctx, v: Variant) {
  if (v.evaluationId) {
    const e = await ctx.db.evaluation.findUnique({ where: { id: v.evaluationId }, select: { status: true, error: true } });
    if (!e) return casUpdate(ctx.db, v, { evaluationId: null, evaluationAttached: false, status: "failed", message: "The evaluation was deleted; attach another or Retry." });
    if (e.status === "succeeded") return moveOn(ctx, v);
    if (e.status === "failed" || e.status === "cancelled") return fail(ctx, v, `The evaluation ${e.status}${e.error ? `: ${e.error}` : ""}. Retry evaluates again; or attach another evaluation.`);
    return "wait" as const;
  }
  const trained = v.dpoTrainingJobId ?? v.trainingJobId;
  const output = trained ? await finalModelOf(ctx.db, trained) : null;
  if (!output) return fail(ctx, v, "The trained model's final folder is unknown (the trainer reported none); attach an evaluation instead.");
  const claimed = await casUpdate(ctx.db, v, { status: "running", message: "Evaluating." });
  if (!claimed) return null;
  const model = modelNameFor(ctx.config.evaluation.modelTemplate, { output, variant: v.key });
  let evaluation;
  try {
    evaluation = await createEvaluation(ctx.db, evaluationInputFor(ctx.config.evaluation, { name: `${ctx.ablationName} · ${variantLabel(ctx.spec)}`.slice(0, 120), model, trainingSamples: v.sftSamples ?? undefined }));
  } catch (e) {
    if (e instanceof AppError) return fail(ctx, claimed, e.message);
    throw e;
  }
  const linked = await casUpdate(ctx.db, claimed, { evaluationId: evaluation.id, jobId: evaluation.jobId });
  return linked ? ("wait" as const) : null;
}
