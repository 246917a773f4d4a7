import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sampleFromModel } from "@/lib/training/model-sampler";
import { LOCAL_HOST } from "@/lib/training/sampling-plan";
import { sftSourceOf } from "@/lib/training/sft-source";
import { dpoRun, type DpoCounts, type DpoOptions } from "./dpo-run";
import type { DpoSettings } from "./dpo-options";
import { selectDpoQueries } from "./select-queries";

export type DpoFromModelOptions = Omit<DpoOptions, "presampled"> & { python?: string; maxNewTokens?: number; onLine?: (l: string) => void; env?: NodeJS.ProcessEnv; pollMs?: number };

/**
 * Ds4 as the paper builds it: N answers per verified query sampled from the SFT model where it is
 * (`python -m trainer sample`, one process for all queries not yet done: on this host, or with
 * fromJob on that training job's backend), then executed in the sandbox and paired by the DPO
 * stage. Answers already sampled stay in the run's sample directory (one per model and sampling
 * settings, so another model or temperature never reuses them): a retried job samples only what
 * is missing.
 */
export async function dpoFromModel(db: Db, runId: string, settings: DpoSettings, o: DpoFromModelOptions = {}): Promise<DpoCounts> {
  if (!settings.fromModel && !settings.fromJob) throw new AppError("invalid:dpo", "Sampling Ds4 from a model needs the model (fromModel) or the training job that made it (fromJob).");
  const source = settings.fromJob ? await sftSourceOf(db, settings.fromJob) : null;
  const model = settings.fromModel ?? source!.model;
  const host = source?.host ?? LOCAL_HOST;
  const maxNewTokens = o.maxNewTokens ?? settings.maxNewTokens ?? 1024;
  const key = createHash("sha256").update(JSON.stringify([model, host.backend, host.ssh?.host ?? null, settings.n, settings.temperature, maxNewTokens])).digest("hex").slice(0, 12);
  const id = `${runId}-${key}`;
  const queries = await selectDpoQueries(db, runId, settings);
  const { python, maxNewTokens: _max, onLine, env: childEnv, pollMs, ...dpo } = o;
  const answers = await sampleFromModel(queries, {
    model, n: settings.n, temperature: settings.temperature, maxNewTokens, host, python, id,
    workDir: path.join(env().dataDir, "ds4-samples", id), signal: o.signal, onLine, env: childEnv, pollMs,
  });
  return dpoRun(db, runId, { ...settings, ...dpo, presampled: { model, answers } });
}
