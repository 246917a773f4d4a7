import { z } from "zod";
import { AppError } from "@/lib/errors";
import { plainArg, posixUser, remotePath, sbatchDirective, setupLine, slurmName, sshHost } from "@/lib/training/safe-strings";

/**
 * A training job's config: what the form edits, what `xinstruct train --config train.yaml`
 * reads, and what is stored with the job. Defaults are the paper's (Qwen2.5-xCoder §4: Adam,
 * lr 5e-5, 100 warmup steps, cosine decay, global batch 1024, max length 2048); the rest are
 * the usual choices for Qwen2.5-Coder fine-tuning (LoRA r 16 / alpha 32, DPO β 0.1).
 */

const positiveInt = z.number().int().positive();

export const trainingSchema = z
  .object({
    learningRate: z.number().positive().max(1).default(5e-5),
    warmupSteps: z.number().int().min(0).default(100),
    minLrRatio: z.number().min(0).max(1).default(0),
    globalBatchSize: positiveInt.default(1024),
    microBatchSize: positiveInt.default(4),
    maxLength: positiveInt.max(1_048_576).default(2048),
    epochs: z.number().positive().default(3),
    maxSteps: positiveInt.optional(),
    weightDecay: z.number().min(0).default(0),
    maxGradNorm: z.number().positive().default(1),
    beta: z.number().min(0).default(0.1),
    packing: z.boolean().default(true),
    bf16: z.boolean().default(true),
    gradientCheckpointing: z.boolean().default(true),
    seed: z.number().int().min(0).default(42),
    logEvery: positiveInt.default(1),
    evalEvery: positiveInt.default(50),
    saveEvery: z.number().int().min(0).default(200),
    keepCheckpoints: positiveInt.default(2),
    /** early stopping on eval loss: evaluations without improvement before stopping (0 = off) */
    earlyStoppingPatience: z.number().int().min(0).max(1000).default(0),
    /** an eval loss must beat the best by more than this to count as an improvement */
    earlyStoppingMinDelta: z.number().min(0).default(0),
    /** auto: flash-attention 2 where installed, else SDPA; packing keeps samples apart on all three */
    attnImplementation: z.enum(["auto", "flash_attention_2", "sdpa", "eager"]).default("auto"),
  })
  .strict();

const sshSchema = z
  .object({
    host: sshHost,
    port: z.number().int().min(1).max(65535).default(22),
    user: posixUser.optional(),
    identityFile: plainArg("ssh.identityFile").optional(),
    knownHostsFile: plainArg("ssh.knownHostsFile").optional(),
    strictHostKeyChecking: z.enum(["yes", "accept-new"]).default("accept-new"),
    /** where jobs live on the remote host: <remoteDir>/<job id>/ */
    remoteDir: remotePath("ssh.remoteDir").default("xinstruct-training"),
    /** a port on the remote host forwarded back to the app (ssh -R), for hosts that cannot reach it */
    tunnelPort: z.number().int().min(1).max(65535).optional(),
  })
  .strict();

const slurmSchema = z
  .object({
    partition: slurmName("slurm.partition").optional(),
    account: slurmName("slurm.account").optional(),
    qos: slurmName("slurm.qos").optional(),
    timeLimit: z.string().regex(/^(\d+-)?\d{1,2}(:\d{2}){0,2}$/, "Slurm time such as 24:00:00 or 2-00:00:00").default("24:00:00"),
    cpusPerTask: positiveInt.default(16),
    masterPort: z.number().int().min(1024).max(65535).default(29500),
    /** shell lines run before the trainer (module load, source a venv) */
    setup: z.array(setupLine).default([]),
    /** extra `#SBATCH` options, e.g. "--exclusive" */
    directives: z.array(sbatchDirective).default([]),
    /** a directory on the cluster's shared file system, visible from this host too */
    workDir: remotePath("slurm.workDir").optional(),
  })
  .strict();

export const trainConfigSchema = z
  .object({
    name: plainArg("name").pipe(z.string().max(200)).optional(),
    kind: z.enum(["sft", "dpo"]).default("sft"),
    /** a Hugging Face id, a local path (an SFT output for DPO), or "tiny-test" (CPU demo model) */
    baseModel: plainArg("baseModel").default("Qwen/Qwen2.5-Coder-1.5B"),
    /** JSONL: chat {"messages": [...]} (or instruction/output) for SFT; prompt/chosen/rejected for DPO */
    dataset: plainArg("dataset"),
    evalDataset: plainArg("evalDataset").optional(),
    evalFraction: z.number().min(0).max(0.5).default(0.02),
    method: z.enum(["full", "lora"]).default("full"),
    lora: z
      .object({ r: positiveInt.default(16), alpha: positiveInt.default(32), dropout: z.number().min(0).max(1).default(0.05), merge: z.boolean().default(true) })
      .strict()
      .default({ r: 16, alpha: 32, dropout: 0.05, merge: true }),
    training: trainingSchema.default(trainingSchema.parse({})),
    resources: z
      .object({ gpusPerNode: z.number().int().min(0).max(64).default(1), nodes: positiveInt.max(1024).default(1), fsdp: z.boolean().default(false) })
      .strict()
      .default({ gpusPerNode: 1, nodes: 1, fsdp: false }),
    backend: z.enum(["local", "ssh", "slurm"]).default("local"),
    /** the interpreter with torch on the training host */
    python: plainArg("python").default("python3"),
    ssh: sshSchema.optional(),
    slurm: slurmSchema.optional(),
    /** the app's URL as the training host sees it (default: this app on 127.0.0.1) */
    appUrl: z.url({ protocol: /^https?$/, error: "appUrl must be an http(s) URL" }).optional(),
    /** dense bf16 TFLOP/s per device for MFU when the GPU is not in the trainer's table */
    peakTflops: z.number().positive().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.backend === "ssh" && !c.ssh) ctx.addIssue({ code: "custom", path: ["ssh"], message: "the ssh backend needs ssh.host" });
    if (c.backend !== "slurm" && c.resources.nodes > 1) {
      ctx.addIssue({ code: "custom", path: ["resources", "nodes"], message: "several nodes need the slurm backend" });
    }
    if (c.training.microBatchSize > c.training.globalBatchSize) {
      ctx.addIssue({ code: "custom", path: ["training", "microBatchSize"], message: "at most the global batch" });
    }
    if (c.method === "lora" && c.baseModel === "tiny-test") {
      ctx.addIssue({ code: "custom", path: ["method"], message: "the tiny test model trains fully (LoRA needs a Hugging Face model)" });
    }
  });

export type TrainConfigInput = z.input<typeof trainConfigSchema>;
export type TrainConfig = z.output<typeof trainConfigSchema>;
export type Backend = TrainConfig["backend"];

export function parseTrainConfig(raw: unknown): TrainConfig {
  const r = trainConfigSchema.safeParse(raw);
  if (!r.success) {
    throw new AppError("invalid:train-config", `Invalid training config: ${r.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`).join("; ")}`, { detail: r.error.issues });
  }
  return r.data;
}

export function defaultJobName(c: Pick<TrainConfig, "kind" | "baseModel" | "method">): string {
  return `${c.kind}-${c.baseModel.split("/").pop()}${c.method === "lora" ? "-lora" : ""}`;
}

/** Processes launched per node: one per GPU, or one CPU process. */
export function processesPerNode(c: TrainConfig): number {
  return Math.max(1, c.resources.gpusPerNode);
}
