import path from "node:path";
import { stringify } from "yaml";
import type { TrainConfig } from "@/lib/training/config";

/**
 * The same job for users of other tools: a LLaMA-Factory YAML (with its dataset_info.json
 * entry) and a TRL config + command. Hyper-parameters map one to one; the global batch becomes
 * gradient accumulation over the GPUs asked for.
 */

export function gradientAccumulation(c: TrainConfig): number {
  const devices = Math.max(1, c.resources.gpusPerNode) * c.resources.nodes;
  return Math.max(1, Math.floor(c.training.globalBatchSize / (c.training.microBatchSize * devices)));
}

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

export function toLlamaFactoryYaml(c: TrainConfig, outputDir = `saves/${c.name ?? datasetName(c)}`): string {
  const t = c.training;
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
    ...(c.kind === "sft" && t.packing ? { packing: true, neat_packing: true } : {}),
    ...(c.evalDataset ? {} : { val_size: c.evalFraction }),
    output_dir: outputDir,
    logging_steps: t.logEvery,
    save_steps: t.saveEvery || 1_000_000,
    save_total_limit: t.keepCheckpoints,
    plot_loss: true,
    per_device_train_batch_size: t.microBatchSize,
    gradient_accumulation_steps: gradientAccumulation(c),
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
  return `# LLaMA-Factory config exported by xinstruct\n# Add to data/dataset_info.json:\n${info}\n${launch}\n${stringify(doc, { lineWidth: 120 })}`;
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
    ...(c.kind === "sft" ? { packing: t.packing, assistant_only_loss: true } : { beta: t.beta, loss_type: "sigmoid", precompute_ref_log_probs: true }),
    ...(c.method === "lora" ? { use_peft: true, lora_r: c.lora.r, lora_alpha: c.lora.alpha, lora_dropout: c.lora.dropout, lora_target_modules: "all-linear" } : {}),
  };
  const file = `trl-${c.kind}.yaml`;
  const procs = Math.max(1, c.resources.gpusPerNode) * c.resources.nodes;
  const command = procs > 1
    ? `accelerate launch --num_processes ${procs} --num_machines ${c.resources.nodes}${c.resources.fsdp ? " --use_fsdp" : ""} "$(command -v trl)" ${c.kind} --config ${file}`
    : `trl ${c.kind} --config ${file}`;
  const note = c.kind === "sft" ? "# assistant_only_loss needs a chat template with {% generation %} markers; drop it to train on all tokens\n" : "";
  return { yaml: `# TRL config exported by xinstruct (${file})\n${note}${stringify(doc, { lineWidth: 120 })}`, command };
}
