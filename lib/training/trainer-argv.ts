import { processesPerNode, type TrainConfig } from "@/lib/training/config";

/** python -m trainer …, under torchrun (python -m torch.distributed.run) for several processes. */
export function trainerArgv(c: TrainConfig, configPath: string, resume: boolean, torchrun?: string[]): string[] {
  const tail = ["-m", "trainer", c.kind, "--config", configPath, ...(resume ? ["--resume"] : [])];
  if (torchrun) return [c.python, "-m", "torch.distributed.run", ...torchrun, ...tail];
  const n = processesPerNode(c);
  return n > 1 ? [c.python, "-m", "torch.distributed.run", "--standalone", `--nproc_per_node=${n}`, ...tail] : [c.python, ...tail];
}
