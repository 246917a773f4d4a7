import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import type { DpoQuery } from "@/lib/pipeline/dpo/select-queries";
import { resolveLocalPython } from "@/lib/training/backends/python";
import { spawnLines } from "@/lib/training/process";
import { samplingQueryLine, samplerConfig, type SamplerSettings } from "@/lib/training/sample-queries";
import { trainerSourceDir } from "@/lib/training/trainer-source";

export interface ModelSampleOptions extends SamplerSettings {
  /** the interpreter with torch (and vllm or transformers for a Hugging Face model) */
  python?: string;
  /** where queries.jsonl, sample.json and answers.jsonl live; a rerun there skips finished queries */
  workDir: string;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
}

// What the sampler process may see of this process's environment: where programs, caches and GPUs
// are, never the app's secrets (API keys, passwords, session secrets).
const PASSED_ENV = /^(PATH|HOME|LANG|LC_[A-Z]+|TMPDIR|USER|VIRTUAL_ENV|CONDA_PREFIX|PYTHONPATH|CUDA_[A-Z_]+|NVIDIA_[A-Z_]+|HF_HOME|HF_HUB_OFFLINE|HF_HUB_CACHE|TRANSFORMERS_CACHE|VLLM_[A-Z_]+|LD_LIBRARY_PATH)$/;

function samplerEnv(): NodeJS.ProcessEnv {
  const out: Record<string, string> = { PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" };
  for (const [k, v] of Object.entries(process.env)) if (PASSED_ENV.test(k) && v !== undefined) out[k] = v;
  return out as NodeJS.ProcessEnv;
}

/**
 * Ds4 from the SFT model, on this host: `python -m trainer sample` over the queries (one process,
 * so the model loads once), then the answers read back by query id. Fails with the trainer's last
 * lines when the process does; cancelling stops it (finished queries stay in answers.jsonl).
 */
export async function sampleFromModel(queries: DpoQuery[], o: ModelSampleOptions): Promise<Map<string, string[]>> {
  mkdirSync(o.workDir, { recursive: true });
  const files = { queries: path.join(o.workDir, "queries.jsonl"), output: path.join(o.workDir, "answers.jsonl"), config: path.join(o.workDir, "sample.json") };
  writeFileSync(files.queries, queries.map((q) => samplingQueryLine(q)).join("\n") + "\n");
  writeFileSync(files.config, JSON.stringify(samplerConfig(o, files), null, 2));
  const python = await resolveLocalPython(o.python ?? "python3");
  const tail: string[] = [];
  const run = spawnLines([python, "-m", "trainer", "sample", "--config", files.config], {
    cwd: path.dirname(trainerSourceDir()), env: samplerEnv(),
    onLine: (l) => { tail.push(l); if (tail.length > 30) tail.shift(); o.onLine?.(l); },
  });
  const onAbort = () => run.child.kill("SIGTERM");
  o.signal?.addEventListener("abort", onAbort);
  const { code } = await run.done.finally(() => o.signal?.removeEventListener("abort", onAbort));
  if (o.signal?.aborted) throw new AppError("cancelled:sampling", "Sampling from the SFT model was cancelled.");
  if (code !== 0) throw new AppError("failed:sampling", `Sampling from ${o.model} failed (exit ${code}): ${tail.slice(-5).join(" | ")}`, { detail: tail.join("\n") });
  return readAnswers(files.output);
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
