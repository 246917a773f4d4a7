import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import type { DpoQuery } from "@/lib/pipeline/dpo/select-queries";
import { scrubSecrets } from "@/lib/secrets/scrub";
import { BACKENDS } from "@/lib/training/backends/by-kind";
import type { BackendResult } from "@/lib/training/backends/types";
import { samplingQueryLine, samplerConfig, type SamplerSettings } from "@/lib/training/sample-queries";
import { LOCAL_HOST, planSampling, type SamplingHost } from "@/lib/training/sampling-plan";
import { copyTrainer } from "@/lib/training/trainer-source";

export interface ModelSampleOptions extends SamplerSettings {
  /** where the model is: the SFT job's backend and settings (default: this host) */
  host?: SamplingHost;
  /** the interpreter with torch (and vllm or transformers) on this host; overrides host.python for a local run */
  python?: string;
  /** this host's sampling directory (queries.jsonl, sample.json, answers.jsonl); a rerun there skips finished queries */
  workDir: string;
  /** the directory's name on a remote or cluster host (default: workDir's base name) */
  id?: string;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
  /** environment of the processes started (tests put fake Slurm tools on PATH); default the allow-listed one */
  env?: NodeJS.ProcessEnv;
  pollMs?: number;
}

/**
 * Ds4 from the SFT model, where the model is: `python -m trainer sample` over the queries (one
 * process, so the model loads once) on this host, the SFT job's SSH host or its Slurm cluster,
 * through the same backends as training (lib/training/sampling-plan.ts); then the answers read
 * back by query id. Fails with the sampler's last lines when it does; cancelling stops it
 * (finished queries stay in answers.jsonl).
 */
export async function sampleFromModel(queries: DpoQuery[], o: ModelSampleOptions): Promise<Map<string, string[]>> {
  const base = o.host ?? LOCAL_HOST;
  const host = base.backend === "local" && o.python ? { ...base, python: o.python } : base;
  const plan = planSampling(host, { id: o.id ?? path.basename(o.workDir), workDir: o.workDir });
  mkdirSync(plan.stageDir, { recursive: true });
  const staged = { queries: path.join(plan.stageDir, "queries.jsonl"), config: path.join(plan.stageDir, "sample.json") };
  writeFileSync(staged.queries, queries.map((q) => samplingQueryLine(q)).join("\n") + "\n");
  writeFileSync(staged.config, JSON.stringify(samplerConfig(o, plan.sampler), null, 2));
  copyTrainer(path.join(plan.stageDir, "trainer"));
  if (plan.slurm) writeFileSync(plan.slurm.scriptPath, plan.slurm.script, { mode: 0o700 });
  const tail: string[] = [];
  const onLines = (lines: string[]) => {
    for (const raw of lines) {
      const l = scrubSecrets(raw);
      tail.push(l);
      if (tail.length > 30) tail.shift();
      o.onLine?.(l);
    }
  };
  if (plan.backend !== "local") onLines([`[xinstruct] sampling on the ${plan.backend} backend: ${plan.display.split("\n").find((l) => /trainer sample/.test(l)) ?? plan.display}`]);
  let result: BackendResult;
  try {
    result = await BACKENDS[plan.backend](plan, { signal: o.signal ?? new AbortController().signal, onLines, onExternalId: () => {}, env: o.env, pollMs: o.pollMs, graceMs: 10_000 });
  } catch (e) {
    result = { exitCode: null, state: `launcher error: ${(e as Error).message}` };
  }
  if (o.signal?.aborted) throw new AppError("cancelled:sampling", "Sampling from the SFT model was cancelled.");
  if (result.exitCode !== 0 || !["exited", "COMPLETED"].includes(result.state)) {
    const how = result.state === "exited" ? `exit ${result.exitCode}` : `${result.state}${result.exitCode !== null ? `, exit ${result.exitCode}` : ""}`;
    throw new AppError("failed:sampling", `Sampling from ${o.model} on the ${plan.backend} backend failed (${how}): ${tail.slice(-5).join(" | ")}`, { detail: tail.join("\n") });
  }
  return readAnswers(plan.answersFile);
}

export function readAnswers(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as { id?: unknown; answers?: unknown };
      if (typeof r.id === "string" && Array.isArray(r.answers)) out.set(r.id, r.answers.filter((a): a is string => typeof a === "string"));
    } catch {
      /* a line cut short by a crash: that query is sampled again on the next run */
    }
  }
  return out;
}
