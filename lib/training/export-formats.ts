import path from "node:path";
import { stringify } from "yaml";
import type { TrainConfig } from "@/lib/training/config";
import { roundHalfEven, type StepPlan } from "@/lib/training/schedule-plan";

/**
 * The same job for users of other tools: a LLaMA-Factory YAML (with its dataset_info.json
 * entry) and a TRL config + command. Hyper-parameters map one to one. The global batch counts
 * samples, as in the paper and in xinstruct's trainer, so each export is set up to train with
 * the same samples per optimizer step:
 *
 * - Under packing, both tools count `per_device_train_batch_size` in packed rows of cutoff_len /
 *   max_length tokens, not samples. LLaMA-Factory keeps packing (`neat_packing`: no attention
 *   across packed samples, a block-diagonal mask on SDPA/eager and varlen flash-attention) with
 *   the accumulation derived from the dataset's samples per packed row, the same arithmetic as
 *   our trainer (lib/training/schedule-plan.ts); where the dataset cannot be measured here,
 *   packing is turned off instead and the batch counts samples exactly.
 * - TRL gets padding-free batches instead of packing: each micro-batch of samples is flattened
 *   into one row with restarting position ids, so the batch counts samples and no padding is
 *   computed; flash-attention keeps the samples apart (on SDPA/eager it would not, so an explicit
 *   choice of those gets plain padded batches).
 */

/** Micro-batches accumulated per optimizer step when the batch counts samples (as trainer/schedule.py rounds). */
export function gradientAccumulation(c: TrainConfig): number {
  const devices = Math.max(1, c.resources.gpusPerNode) * c.resources.nodes;
  return Math.max(1, roundHalfEven(c.training.globalBatchSize / (c.training.microBatchSize * devices)));
}

/** What the launch preview measured of the dataset (samples, packed rows, the accumulation they give). */
export type MeasuredPlan = Pick<StepPlan, "samples" | "rows" | "accumulation" | "samplesPerStep"> & { source?: "file" | "given" };

const datasetName = (c: TrainConfig) => `xinstruct_${c.kind}`;

export function llamaFactoryDatasetInfo(c: TrainConfig): Record<string, unknown> {
  const file = path.resolve(c.dataset);
  const entry =
    c.kind === "dpo"
      ? { file_name: file, ranking: true, columns: { prompt: "prompt", chosen: "chosen", rejected: "rejected" } }
      : {
          file_name: file,
          formatting: "sharegpt",
          columns: { messages: "messages" },
          tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
        };
  return { [datasetName(c)]: entry };
}

/** Packing and accumulation for LLaMA-Factory, with the comment that explains them. */
function llamaFactoryBatch(c: TrainConfig, plan: MeasuredPlan | null | undefined): { fields: Record<string, unknown>; note: string } {
  const t = c.training;
  if (c.kind !== "sft" || !t.packing) return { fields: { gradient_accumulation_steps: gradientAccumulation(c) }, note: `# Batch: ${t.globalBatchSize} samples per optimizer step (per-device batch x accumulation x GPUs).` };
  if (plan && plan.source !== "given" && plan.rows > 0) {
    const perRow = plan.samples / plan.rows;
    return {
      fields: { packing: true, neat_packing: true, gradient_accumulation_steps: plan.accumulation },
      note: [
        `# Batch in samples: packing puts about ${perRow.toFixed(1)} samples in each ${t.maxLength}-token row (${plan.samples} samples in about ${plan.rows} rows, estimated from the dataset),`,
        `# and per_device_train_batch_size counts rows, so gradient_accumulation_steps is ${plan.accumulation} (not ${gradientAccumulation(c)}): about ${Math.round(plan.samplesPerStep)} samples per`,
        `# optimizer step for a global batch of ${t.globalBatchSize}, as xinstruct's trainer does. neat_packing keeps packed samples from attending to each other.`,
      ].join("\n"),
    };
  }
  return {
    fields: { packing: false, gradient_accumulation_steps: gradientAccumulation(c) },
    note: [
      `# Batch in samples: packing is off here, so per_device_train_batch_size counts samples and each optimizer step sees ${t.globalBatchSize}.`,
      "# With packing LLaMA-Factory counts packed rows instead; the dataset was not readable here to measure samples per row.",
      "# To pack: packing: true, neat_packing: true (no attention across samples), and divide gradient_accumulation_steps by the samples a row holds.",
    ].join("\n"),
  };
}

export function toLlamaFactoryYaml(c: TrainConfig, plan?: MeasuredPlan | null, outputDir = `saves/${c.name ?? datasetName(c)}`): string {
  const t = c.training;
  const batch = llamaFactoryBatch(c, plan);
  const doc: Record<string, unknown> = {
    model_name_or_path: c.baseModel,
    stage: c.kind,
    do_train: true,
    finetuning_type: c.method,
    ...(c.method === "lora" ? { lora_rank: c.lora.r, lora_alpha: c.lora.alpha, lora_dropout: c.lora.dropout, lora_target: "all" } : {}),
    ...(c.kind === "dpo" ? { pref_beta: t.beta, pref_loss: "sigmoid" } : {}),
    dataset: datasetName(c),
    template: "qwen",
    cutoff_len: t.maxLength,
    ...(c.kind === "sft" && t.packing ? { packing: batch.fields.packing, ...(batch.fields.neat_packing ? { neat_packing: true } : {}) } : {}),
    ...(c.evalDataset ? {} : { val_size: c.evalFraction }),
    output_dir: outputDir,
    logging_steps: t.logEvery,
    save_steps: t.saveEvery || 1_000_000,
    save_total_limit: t.keepCheckpoints,
    plot_loss: true,
    per_device_train_batch_size: t.microBatchSize,
    gradient_accumulation_steps: batch.fields.gradient_accumulation_steps,
    learning_rate: t.learningRate,
    num_train_epochs: t.epochs,
    ...(t.maxSteps ? { max_steps: t.maxSteps } : {}),
    lr_scheduler_type: "cosine",
    warmup_steps: t.warmupSteps,
    weight_decay: t.weightDecay,
    max_grad_norm: t.maxGradNorm,
    bf16: t.bf16,
    ...(t.gradientCheckpointing ? {} : { disable_gradient_checkpointing: true }),
    per_device_eval_batch_size: t.microBatchSize,
    eval_strategy: "steps",
    eval_steps: t.evalEvery,
    seed: t.seed,
  };
  const info = JSON.stringify(llamaFactoryDatasetInfo(c), null, 2).split("\n").map((l) => `#   ${l}`).join("\n");
  const launch = c.resources.nodes > 1 || c.resources.gpusPerNode > 1
    ? `# Run: FORCE_TORCHRUN=1 NNODES=${c.resources.nodes} llamafactory-cli train this.yaml (on each node, with NODE_RANK / MASTER_ADDR set)`
    : "# Run: llamafactory-cli train this.yaml";
  return `# LLaMA-Factory config exported by xinstruct\n# Add to data/dataset_info.json:\n${info}\n${launch}\n${batch.note}\n${stringify(doc, { lineWidth: 120 })}`;
}

/**
 * TRL's SFT batching. Never `packing: true`: TRL then counts per_device_train_batch_size in packed
 * rows of max_length tokens. Padding-free batches count samples and compute no padding; they need
 * flash-attention to keep the flattened samples apart.
 */
function trlSftBatch(c: TrainConfig): { fields: Record<string, unknown>; note: string } {
  const t = c.training;
  const attn = c.training.attnImplementation;
  const perStep = `per_device_train_batch_size counts samples: ${t.globalBatchSize} per optimizer step, as xinstruct's trainer does`;
  if (!t.packing) return { fields: { packing: false, ...(attn !== "auto" ? { attn_implementation: attn } : {}) }, note: `# Batch in samples: ${perStep}.\n` };
  if (attn === "auto" || attn === "flash_attention_2") {
    return {
      fields: { packing: false, padding_free: true, attn_implementation: "flash_attention_2" },
      note: `# Batch in samples: padding_free flattens each micro-batch into one row (positions restart per sample; flash-attention keeps samples apart),\n# so ${perStep}. packing: true would count packed ${t.maxLength}-token rows instead.\n`,
    };
  }
  return {
    fields: { packing: false, attn_implementation: attn },
    note: `# Batch in samples: ${perStep}. No packing or padding_free: with ${attn} attention they would let samples attend to each other.\n`,
  };
}

export function toTrlConfig(c: TrainConfig, outputDir = `saves/${c.name ?? datasetName(c)}`): { yaml: string; command: string } {
  const t = c.training;
  const doc: Record<string, unknown> = {
    model_name_or_path: c.baseModel,
    dtype: t.bf16 ? "bfloat16" : "float32",
    datasets: [{ path: "json", data_files: path.resolve(c.dataset), split: "train" }],
    output_dir: outputDir,
    learning_rate: t.learningRate,
    lr_scheduler_type: "cosine",
    warmup_steps: t.warmupSteps,
    num_train_epochs: t.epochs,
    ...(t.maxSteps ? { max_steps: t.maxSteps } : {}),
    per_device_train_batch_size: t.microBatchSize,
    gradient_accumulation_steps: gradientAccumulation(c),
    max_length: t.maxLength,
    weight_decay: t.weightDecay,
    max_grad_norm: t.maxGradNorm,
    bf16: t.bf16,
    gradient_checkpointing: t.gradientCheckpointing,
    logging_steps: t.logEvery,
    save_steps: t.saveEvery || 1_000_000,
    save_total_limit: t.keepCheckpoints,
    seed: t.seed,
    ...(c.kind === "sft" ? { ...trlSftBatch(c).fields, assistant_only_loss: true } : { beta: t.beta, loss_type: "sigmoid", precompute_ref_log_probs: true }),
    ...(c.method === "lora" ? { use_peft: true, lora_r: c.lora.r, lora_alpha: c.lora.alpha, lora_dropout: c.lora.dropout, lora_target_modules: "all-linear" } : {}),
  };
  const file = `trl-${c.kind}.yaml`;
  const procs = Math.max(1, c.resources.gpusPerNode) * c.resources.nodes;
  const command = procs > 1
    ? `accelerate launch --num_processes ${procs} --num_machines ${c.resources.nodes}${c.resources.fsdp ? " --use_fsdp" : ""} "$(command -v trl)" ${c.kind} --config ${file}`
    : `trl ${c.kind} --config ${file}`;
  const note = c.kind === "sft" ? `${trlSftBatch(c).note}# assistant_only_loss needs a chat template with {% generation %} markers; drop it to train on all tokens\n` : "";
  return { yaml: `# TRL config exported by xinstruct (${file})\n${note}${stringify(doc, { lineWidth: 120 })}`, command };
}
