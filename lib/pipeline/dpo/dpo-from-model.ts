import "server-only";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sampleFromModel } from "@/lib/training/model-sampler";
import { dpoRun, type DpoCounts, type DpoOptions } from "./dpo-run";
import type { DpoSettings } from "./dpo-options";
import { selectDpoQueries } from "./select-queries";

/**
 * Ds4 as the paper builds it: N answers per verified query sampled from the SFT model on this host
 * (`python -m trainer sample`, one process for all queries not yet done), then executed in the
 * sandbox and paired by the DPO stage. Answers already sampled stay in the run's sample directory,
 * so a retried job samples only what is missing.
 */
export async function dpoFromModel(db: Db, runId: string, settings: DpoSettings & { fromModel: string }, o: Omit<DpoOptions, "presampled"> & { python?: string; maxNewTokens?: number; onLine?: (l: string) => void } = {}): Promise<DpoCounts> {
  const queries = await selectDpoQueries(db, runId, settings);
  const answers = await sampleFromModel(queries, {
    model: settings.fromModel, n: settings.n, temperature: settings.temperature, maxNewTokens: o.maxNewTokens, python: o.python,
    workDir: path.join(env().dataDir, "ds4-samples", runId), signal: o.signal, onLine: o.onLine,
  });
  return dpoRun(db, runId, { ...settings, ...o, presampled: { model: settings.fromModel, answers } });
}
