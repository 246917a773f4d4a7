import "server-only";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { TrainConfig } from "@/lib/training/config";
import { estimateTokens, previewPlan, type DatasetShape, type PlanPreview } from "@/lib/training/plan-preview";

/**
 * What the launch preview knows of a dataset file that is readable on this host (the local
 * backend, or a Slurm work dir on a shared file system): its records and their rough token
 * lengths. Undefined when the file is not here (an SSH host's path): the form then asks for the
 * sample count instead.
 */
export async function readDatasetShape(file: string): Promise<DatasetShape | undefined> {
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  const chars: number[] = [];
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      chars.push(estimateTokens(JSON.parse(line), 1));
    } catch {
      chars.push(line.length); // the trainer names the bad line; the estimate just counts it
    }
  }
  return { samples: chars.length, chars };
}

/** The plan a launch preview shows: from the file when it is here, else from the count given, else none. */
export async function planForLaunch(config: TrainConfig, givenSamples?: number): Promise<PlanPreview | null> {
  const shape = await readDatasetShape(config.dataset);
  if (shape && shape.samples > 0) return previewPlan(config, shape, "file");
  if (givenSamples && givenSamples > 0) return previewPlan(config, { samples: givenSamples }, "given");
  return null;
}
