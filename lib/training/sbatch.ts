import { processesPerNode, type TrainConfig } from "@/lib/training/config";
import { trainerArgv } from "@/lib/training/trainer-argv";
import { shJoin, shq } from "@/lib/training/shell";
import { assertOneLine } from "@/lib/training/safe-strings";

/**
 * The sbatch script: one task per node, torchrun (python -m torch.distributed.run) starting one
 * process per GPU with c10d rendezvous on the first node (a single process runs the trainer directly). Slurm sends SIGTERM two minutes
 * before the time limit (--signal), which makes the trainer checkpoint and exit; resume picks
 * it up.
 */
type SlurmSettings = NonNullable<TrainConfig["slurm"]>;
const SLURM_DEFAULTS: SlurmSettings = { timeLimit: "24:00:00", cpusPerTask: 16, masterPort: 29500, setup: [], directives: [] };

/** The #SBATCH lines of a job (training or sampling): resources, placement, output file, SIGTERM before the limit. */
export function sbatchDirectives(s: SlurmSettings, o: { name: string; nodes: number; gpus: number; workDir: string }): string[] {
  return [
    `--job-name=${o.name.replace(/[^A-Za-z0-9_.-]+/g, "-").slice(0, 60)}`,
    `--nodes=${o.nodes}`,
    "--ntasks-per-node=1",
    ...(o.gpus > 0 ? [`--gpus-per-node=${o.gpus}`] : []),
    `--cpus-per-task=${s.cpusPerTask}`,
    `--time=${s.timeLimit}`,
    ...(s.partition ? [`--partition=${s.partition}`] : []),
    ...(s.account ? [`--account=${s.account}`] : []),
    ...(s.qos ? [`--qos=${s.qos}`] : []),
    `--output=${o.workDir}/slurm-%j.log`,
    "--signal=TERM@120",
    ...s.directives,
  ].map((d) => `#SBATCH ${assertOneLine(d, "an #SBATCH option")}`);
}

/** What runs before the program on the node: the job directory, the user's setup lines, the trainer on PYTHONPATH. */
export function sbatchPrologue(s: SlurmSettings, workDir: string): string[] {
  return [
    "set -euo pipefail",
    `cd ${shq(workDir)}`,
    ...s.setup.map((l) => assertOneLine(l, "a setup line")),
    `export PYTHONPATH=${shq(workDir)}\${PYTHONPATH:+:$PYTHONPATH}`,
  ];
}

export function renderSbatchScript(c: TrainConfig, o: { jobId: string; workDir: string; configPath: string; resume: boolean }): string {
  const s = c.slurm ?? SLURM_DEFAULTS;
  const gpus = c.resources.gpusPerNode;
  const directives = sbatchDirectives(s, { name: c.name ?? `xinstruct-${c.kind}`, nodes: c.resources.nodes, gpus, workDir: o.workDir });
  const torchrun = [
    `--nnodes=${c.resources.nodes}`,
    `--nproc_per_node=${processesPerNode(c)}`,
    "--rdzv_id=$SLURM_JOB_ID",
    "--rdzv_backend=c10d",
    `--rdzv_endpoint=$MASTER_ADDR:${s.masterPort}`,
  ];
  // The $VARIABLES must reach the shell unquoted; everything else is quoted. One process needs no torchrun.
  const single = c.resources.nodes * processesPerNode(c) === 1;
  const launch = single
    ? shJoin(trainerArgv(c, o.configPath, o.resume))
    : shJoin(trainerArgv(c, o.configPath, o.resume, ["@@TORCHRUN@@"])).replace("@@TORCHRUN@@", torchrun.join(" "));
  return [
    "#!/bin/bash",
    assertOneLine(`# xinstruct training job ${o.jobId} (${c.kind}, ${c.baseModel}, ${c.resources.nodes} node(s) x ${gpus} GPU(s))`, "the base model"),
    ...directives,
    "",
    ...sbatchPrologue(s, o.workDir),
    `export MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)`,
    `export MASTER_PORT=${s.masterPort}`,
    `srun --kill-on-bad-exit=1 ${launch}`,
    "",
  ].join("\n");
}
