import "server-only";
import type { TrainConfig } from "@/lib/training/config";
import { capture } from "@/lib/training/process";

let cached: Promise<number> | null = null;

/** NVIDIA GPUs on this host (`nvidia-smi -L`); 0 without the driver. Asked once per process. */
export function localGpuCount(): Promise<number> {
  cached ??= capture(["nvidia-smi", "-L"], { timeoutMs: 15_000 }).then((r) => (r.code === 0 ? r.stdout.split("\n").filter((l) => /^GPU \d+/.test(l)).length : 0));
  return cached;
}

/**
 * Why this training config cannot start here, or null. Only the local backend is checked: an
 * SSH or Slurm host has its own GPUs. A config with 0 GPUs per node trains on the CPU (the tiny
 * test model), which always can.
 */
export function missingGpuReason(train: TrainConfig, localGpus: number): string | null {
  if (train.backend !== "local" || train.resources.gpusPerNode === 0) return null;
  if (localGpus >= train.resources.gpusPerNode) return null;
  return (
    `Training needs a GPU: the config asks for ${train.resources.gpusPerNode} GPU(s) on the local backend and this host has ${localGpus}. ` +
    "Configure an SSH or Slurm backend with GPUs for this ablation, or attach an existing evaluation of this variant's model."
  );
}
