import "server-only";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { dpoSettingsSchema } from "@/lib/pipeline/dpo/dpo-options";
import { pairSampledAnswers, type SampledPairCounts } from "@/lib/pipeline/dpo/pair-sampled-answers";
import { selectDpoQueries } from "@/lib/pipeline/dpo/select-queries";
import { sampleFromModel } from "@/lib/training/model-sampler";
import type { SamplingHost } from "@/lib/training/sampling-plan";
import type { AblationConfig } from "./config";
import { recordedDpoSettings } from "./twin-stages";

/** What a variant's sample step did, kept with its dataset and shown with its chain. */
export interface VariantSampling extends SampledPairCounts {
  /** the SFT model sampled */
  model: string;
  n: number;
  temperature: number;
}

/** Where a variant's sampled answers and its own Ds4 pairs live (by variant id: never shared). */
export function variantDir(config: AblationConfig, variantId: string): string {
  return path.join(config.placement.dataDir, "ablations", variantId);
}

/**
 * Ds4 of one variant, as the paper builds it: N answers per verified query of the variant's run
 * sampled from the variant's SFT model (`python -m trainer sample` where the SFT job ran: this
 * host, its SSH host or its Slurm cluster), executed in the sandbox and
 * paired. The pairs go to the variant's own JSONL file, the DPO training stage's dataset; the
 * run's DpoPair rows (the R-Generator's Ds4) and other variants are untouched.
 *
 * Resumable: answers.jsonl keeps every query already sampled (a rerun samples only the rest),
 * executions are cached by program hash, and the pairs file is written whole (temp file, rename)
 * after everything is paired, so a step stopped halfway leaves no partial dataset behind.
 * n and temperature: the ablation's sampling settings, else those the source run's DPO stage
 * recorded, else the stage's defaults.
 */
export async function sampleVariantDs4(db: Db, o: { variantId: string; runId: string; sourceRunId: string; config: AblationConfig; sftModel: string; host?: SamplingHost; signal?: AbortSignal; onLine?: (l: string) => void }): Promise<{ dpoFile: string; sampling: VariantSampling }> {
  const recorded = (await recordedDpoSettings(db, o.sourceRunId)) ?? dpoSettingsSchema.parse({});
  const n = o.config.sampling?.n ?? recorded.n;
  const temperature = o.config.sampling?.temperature ?? recorded.temperature;
  const queries = await selectDpoQueries(db, o.runId, { languages: recorded.languages, limit: recorded.limit }, { signal: o.signal });
  const dir = variantDir(o.config, o.variantId);
  mkdirSync(dir, { recursive: true });
  const answers = queries.length
    ? await sampleFromModel(queries, { model: o.sftModel, n, temperature, maxNewTokens: o.config.sampling?.maxNewTokens, host: o.host, id: o.variantId, workDir: path.join(dir, "ds4-samples"), signal: o.signal, onLine: o.onLine })
    : new Map<string, string[]>();
  const { records, counts } = await pairSampledAnswers(db, queries, answers, { n, maxPairs: recorded.maxPairs, preferShortest: recorded.preferShortest, signal: o.signal });
  const dpoFile = path.join(dir, "ds4-pairs.jsonl");
  writeFileSync(`${dpoFile}.tmp`, records.map((r) => JSON.stringify(r)).join("\n") + (records.length ? "\n" : ""));
  renameSync(`${dpoFile}.tmp`, dpoFile);
  return { dpoFile, sampling: { model: o.sftModel, n, temperature, ...counts } };
}
