import { z } from "zod";
import { AppError } from "@/lib/errors";
import { evaluationConfig } from "@/lib/evals/app/config";
import { parseTrainConfig, type TrainConfig } from "@/lib/training/config";

/**
 * What an ablation chooses once for all its variants: the training config (every variant's
 * dataset goes into `dataset`), the evaluation settings (each variant's model name comes from
 * `modelTemplate`), and the seed of the size subsets.
 */

export const evaluationSettingsSchema = z
  .object({
    endpointName: z.string().trim().min(1).optional(),
    endpointUrl: z.string().url().optional(),
    mode: z.enum(["completion", "chat"]).default("completion"),
    suites: z.array(z.object({ benchmark: z.string(), languages: z.array(z.string()).optional(), source: z.string(), limit: z.number().int().min(1).optional() })).min(1, "choose at least one benchmark"),
    n: z.number().int().min(1).max(1000).default(1),
    temperature: z.number().min(0).max(2).default(0),
    maxTokens: z.number().int().min(1).max(32_768).default(1024),
    concurrency: z.number().int().min(1).max(512).default(16),
    /**
     * The model name each variant's evaluation asks the endpoint for: {output} is the trained
     * model's folder (what `vllm serve FOLDER` serves it as), {variant} the variant's key.
     */
    modelTemplate: z.string().trim().min(1).default("{output}"),
  })
  .strict();

export const ablationInputSchema = z.object({
  runId: z.string().trim().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  /** full, no-ds1..no-ds4, parallel | centralized, size:0.25 …; "full" is always added */
  variants: z.union([z.string(), z.array(z.string())]),
  seed: z.number().int().min(0).max(0xffffffff).default(42),
  /** a training config without its dataset */
  training: z.record(z.string(), z.unknown()).default({}),
  evaluation: evaluationSettingsSchema,
  /**
   * Ds4 sampled from each variant's SFT model: answers per query and temperature (default: the
   * source run's recorded DPO settings), and the longest answer in tokens.
   */
  sampling: z.object({
    n: z.number().int().min(1).max(1024).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxNewTokens: z.number().int().min(1).max(32_768).default(1024),
  }).strict().default({ maxNewTokens: 1024 }),
});

export type AblationInput = z.input<typeof ablationInputSchema>;
export type EvaluationSettings = z.output<typeof evaluationSettingsSchema>;
export type SamplingSettings = z.output<typeof ablationInputSchema>["sampling"];

/** Where training jobs and exports are written, and how the trainer reaches the app. */
export interface AblationPlacement {
  workRoot: string;
  appUrl: string;
  dataDir: string;
}

export interface AblationConfig {
  seed: number;
  training: Record<string, unknown>;
  evaluation: EvaluationSettings;
  /** absent in ablations made before the sample step existed */
  sampling?: SamplingSettings;
  placement: AblationPlacement;
  /** the source run's discussion mode */
  runMode: "centralized" | "parallel";
}

const DATASET_PLACEHOLDER = "<variant dataset>";

export function parseAblationInput(raw: unknown) {
  const r = ablationInputSchema.safeParse(raw);
  if (!r.success) throw new AppError("invalid:ablation", r.error.issues.map((i) => `${i.path.join(".") || "ablation"}: ${i.message}`).join("; "));
  const input = r.data;
  // Refuse a bad training or evaluation config now, not when the first variant reaches it.
  trainConfigFor(input.training, DATASET_PLACEHOLDER);
  evaluationInputFor(input.evaluation, { name: "check", model: "check" });
  return input;
}

export function trainConfigFor(training: Record<string, unknown>, dataset: string, over: Partial<TrainConfig> = {}): TrainConfig {
  const { dataset: _ignored, ...rest } = training;
  return parseTrainConfig({ ...rest, ...over, dataset });
}

/** The evaluation config of one variant (validated as a launch form would be). */
export function evaluationInputFor(settings: EvaluationSettings, o: { name: string; model: string; trainingSamples?: number }) {
  const { modelTemplate: _t, ...rest } = settings;
  const r = evaluationConfig.safeParse({ ...rest, name: o.name, model: o.model, trainingSamples: o.trainingSamples });
  if (!r.success) throw new AppError("invalid:ablation", `evaluation: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return r.data;
}

export function modelNameFor(template: string, o: { output: string; variant: string }): string {
  return template.replaceAll("{output}", o.output).replaceAll("{variant}", o.variant);
}
