import "server-only";
import type { Db } from "@/lib/db/client";
import { prepareAblationTable } from "@/lib/domain/eval-charts";
import { AppError } from "@/lib/errors";
import { toRunScores } from "@/lib/evals/app/run-scores";
import { ds4Of, type Variant } from "./advance";
import { enqueueAdvance } from "./enqueue-advance";
import type { AblationConfig } from "./config";
import type { VariantDataset } from "./variant-dataset";
import { parseVariantKey, variantLabel, variantSteps } from "./variants";

const FINISHED_JOB = new Set(["succeeded", "failed", "cancelled"]);

export async function listAblations(db: Db) {
  const rows = await db.ablation.findMany({ orderBy: { createdAt: "desc" }, take: 200, include: { variants: { select: { status: true } } } });
  return rows.map((a) => ({
    id: a.id, name: a.name, runId: a.runId, createdAt: a.createdAt,
    variants: a.variants.length,
    succeeded: a.variants.filter((v) => v.status === "succeeded").length,
    stopped: a.variants.filter((v) => v.status === "failed" || v.status === "blocked").length,
  }));
}

/**
 * Catches up variants whose job ended without moving them on (a worker stopped between the
 * job's end and its hook): their next advance is queued. Cheap; pages and `ablate show` call it.
 */
export async function reconcileAblation(db: Db, id: string): Promise<number> {
  const active = await db.ablationVariant.findMany({ where: { ablationId: id, status: { in: ["queued", "running"] } } });
  const jobs = await db.job.findMany({ where: { id: { in: active.map((v) => v.jobId).filter((x): x is string => Boolean(x)) } }, select: { id: true, status: true } });
  const status = new Map(jobs.map((j) => [j.id, j.status]));
  let queued = 0;
  for (const v of active) {
    const s = v.jobId ? status.get(v.jobId) : undefined;
    if (s !== undefined && !FINISHED_JOB.has(s)) continue;
    if (v.jobId && s === "succeeded" && v.step === "generate") continue; // a paused run: the variant says so and waits
    await enqueueAdvance(db, v.id);
    queued++;
  }
  return queued;
}

export type VariantView = ReturnType<typeof variantView>;

function variantView(v: Variant, evaluation: { id: string; name: string; model: string; status: string } | null) {
  const spec = parseVariantKey(v.key);
  return {
    id: v.id, key: v.key, label: variantLabel(spec), step: v.step, status: v.status, message: v.message,
    steps: variantSteps(spec, ds4Of(v)), runId: v.runId, exportId: v.exportId, sftSamples: v.sftSamples, dpoPairs: v.dpoPairs,
    perLanguage: ((v.dataset as { perLanguage?: Record<string, number> } | null)?.perLanguage ?? null),
    sampling: (v.dataset as Partial<VariantDataset> | null)?.sampling ?? null,
    trainingJobId: v.trainingJobId, dpoTrainingJobId: v.dpoTrainingJobId, evaluationAttached: v.evaluationAttached, evaluation,
  };
}

/** An ablation with each variant's place in its chain and the Table 2 comparison of those evaluated. */
export async function getAblationView(db: Db, id: string) {
  const ablation = await db.ablation.findUnique({ where: { id }, include: { variants: { orderBy: { position: "asc" } } } });
  if (!ablation) throw new AppError("not_found:ablation", `No ablation ${id}`);
  const evalIds = ablation.variants.map((v) => v.evaluationId).filter((x): x is string => Boolean(x));
  const evaluations = await db.evaluation.findMany({ where: { id: { in: evalIds } }, select: { id: true, name: true, model: true, status: true, summary: true } });
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  const variants = ablation.variants.map((v) => {
    const e = v.evaluationId ? byId.get(v.evaluationId) ?? null : null;
    return variantView(v, e ? { id: e.id, name: e.name, model: e.model, status: e.status } : null);
  });
  const table = prepareAblationTable(
    ablation.variants.map((v) => {
      const e = v.evaluationId ? byId.get(v.evaluationId) : undefined;
      return { key: v.key, label: variantLabel(parseVariantKey(v.key)), run: e && e.status === "succeeded" ? toRunScores(e) : null };
    }),
    "full",
  );
  const config = ablation.config as unknown as AblationConfig;
  // the run may be gone (no relation keeps it): its id is all there is then
  const run = await db.run.findUnique({ where: { id: ablation.runId }, select: { name: true } });
  return { id: ablation.id, name: ablation.name, runId: ablation.runId, runName: run?.name ?? null, createdAt: ablation.createdAt, seed: config.seed, runMode: config.runMode, training: config.training, evaluation: config.evaluation, sampling: config.sampling ?? null, variants, table };
}

export type AblationView = Awaited<ReturnType<typeof getAblationView>>;
