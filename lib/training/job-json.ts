import type { TrainConfig } from "@/lib/training/config";

/** The trainer's job.json (trainer/config.py, snake_case): the config plus where to write and report. */
export interface TrainerJobJson {
  kind: "sft" | "dpo";
  model: string;
  dataset: string;
  output_dir: string;
  eval_dataset: string | null;
  eval_fraction: number;
  method: "full" | "lora";
  lora_r: number;
  lora_alpha: number;
  lora_dropout: number;
  merge_lora: boolean;
  learning_rate: number;
  warmup_steps: number;
  min_lr_ratio: number;
  global_batch_size: number;
  micro_batch_size: number;
  max_length: number;
  epochs: number;
  max_steps: number | null;
  weight_decay: number;
  max_grad_norm: number;
  beta: number;
  packing: boolean;
  bf16: boolean;
  gradient_checkpointing: boolean;
  fsdp: boolean;
  log_every: number;
  eval_every: number;
  save_every: number;
  keep_checkpoints: number;
  early_stopping_patience: number;
  early_stopping_min_delta: number;
  attn_implementation: string;
  seed: number;
  metrics_url: string | null;
  metrics_token: string | null;
  peak_tflops: number | null;
}

export interface JobJsonPaths {
  dataset: string;
  evalDataset?: string;
  outputDir: string;
  metricsUrl: string | null;
  token: string | null;
}

export function trainerJobJson(c: TrainConfig, p: JobJsonPaths): TrainerJobJson {
  const t = c.training;
  return {
    kind: c.kind,
    model: c.baseModel,
    dataset: p.dataset,
    output_dir: p.outputDir,
    eval_dataset: p.evalDataset ?? null,
    eval_fraction: c.evalFraction,
    method: c.method,
    lora_r: c.lora.r,
    lora_alpha: c.lora.alpha,
    lora_dropout: c.lora.dropout,
    merge_lora: c.lora.merge,
    learning_rate: t.learningRate,
    warmup_steps: t.warmupSteps,
    min_lr_ratio: t.minLrRatio,
    global_batch_size: t.globalBatchSize,
    micro_batch_size: t.microBatchSize,
    max_length: t.maxLength,
    epochs: t.epochs,
    max_steps: t.maxSteps ?? null,
    weight_decay: t.weightDecay,
    max_grad_norm: t.maxGradNorm,
    beta: t.beta,
    packing: t.packing,
    bf16: t.bf16,
    gradient_checkpointing: t.gradientCheckpointing,
    fsdp: c.resources.fsdp,
    log_every: t.logEvery,
    eval_every: t.evalEvery,
    save_every: t.saveEvery,
    keep_checkpoints: t.keepCheckpoints,
    early_stopping_patience: t.earlyStoppingPatience,
    early_stopping_min_delta: t.earlyStoppingMinDelta,
    attn_implementation: t.attnImplementation,
    seed: t.seed,
    metrics_url: p.metricsUrl,
    metrics_token: p.token,
    peak_tflops: c.peakTflops ?? null,
  };
}
