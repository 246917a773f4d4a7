import "server-only";
import type { Db } from "@/lib/db/client";
import type { RunConfig } from "@/lib/domain/run-config";
import { AppError } from "@/lib/errors";
import { evaluationTarget } from "@/lib/evals/app/evaluation-endpoint";
import { checkRunEndpoints, createRun } from "@/lib/pipeline/run/create-run";
import { assertEndpointsAnswer } from "@/lib/settings/preflight-endpoints";
import { enqueueAdvance } from "./enqueue-advance";
import { parseAblationInput, type AblationConfig, type AblationPlacement } from "./config";
import { parseVariants, type DiscussionMode } from "./variants";

export interface CreatedAblation {
  id: string;
  variants: { id: string; key: string; step: string; runId: string; jobId: string | null }[];
}

/**
 * One click: the ablation, a row per variant, and each variant's first job. The other
 * discussion mode starts a new generation run (same corpus, same config but the mode); every
 * other variant starts with its dataset export, queued as an ablation.advance job.
 */
export async function createAblation(db: Db, raw: unknown, placement: AblationPlacement): Promise<CreatedAblation> {
  const input = parseAblationInput(raw);
  const run = await db.run.findUnique({ where: { id: input.runId }, select: { id: true, name: true, corpusId: true, config: true } });
  if (!run) throw new AppError("not_found:run", `No run ${input.runId}`);
  const runConfig = run.config as unknown as RunConfig;
  const runMode: DiscussionMode = runConfig.discussion?.mode ?? "centralized";
  const specs = parseVariants(input.variants, runMode);
  // Every variant ends in an evaluation there: a dead endpoint fails now, not after the training.
  // Its models are trained later, so only the server is checked, not the model name.
  const target = await evaluationTarget(db, { ...input.evaluation, model: "(trained later)" });
  await assertEndpointsAnswer([{ label: `the evaluation ${target.label}`, endpoint: target.endpoint, skipModelCheck: true }], "The ablation was not started");
  if (specs.some((s) => s.kind === "mode")) await checkRunEndpoints(db, runConfig, "The ablation was not started (its twin run needs them)");
  const config: AblationConfig = { seed: input.seed, training: input.training, evaluation: input.evaluation, sampling: input.sampling, placement, runMode };
  const ablation = await db.ablation.create({ data: { name: input.name ?? `Ablation of ${run.name}`, runId: run.id, config: config as object } });

  const variants: CreatedAblation["variants"] = [];
  for (const [position, spec] of specs.entries()) {
    if (spec.kind === "mode") {
      if (!run.corpusId) throw new AppError("invalid:ablation", `Run ${run.id} has no corpus left, so its ${spec.mode} twin cannot be generated.`);
      const twin = await createRun(db, { name: `${run.name} (${spec.mode})`, corpusId: run.corpusId, config: { ...runConfig, name: undefined, discussion: { ...runConfig.discussion, mode: spec.mode } } });
      const v = await db.ablationVariant.create({ data: { ablationId: ablation.id, key: spec.key, position, step: "generate", status: "running", runId: twin.run.id, jobId: twin.job?.id ?? null, message: `Generating data with ${spec.mode} discussion (run ${twin.run.id}).` } });
      variants.push({ id: v.id, key: v.key, step: v.step, runId: v.runId, jobId: v.jobId });
      continue;
    }
    const v = await db.ablationVariant.create({ data: { ablationId: ablation.id, key: spec.key, position, step: "dataset", status: "queued", runId: run.id } });
    const jobId = await enqueueAdvance(db, v.id);
    variants.push({ id: v.id, key: v.key, step: v.step, runId: v.runId, jobId });
  }
  return { id: ablation.id, variants };
}
