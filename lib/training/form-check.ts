import type { TrainForm } from "@/lib/training/form";

/** Field → what is wrong with it, in words for the form. Empty when the form can be sent. */
export type FormErrors = Partial<Record<keyof TrainForm, string>>;

type Rule = { min?: number; max?: number; int?: boolean; optional?: boolean; positive?: boolean };

function numberProblem(raw: string, r: Rule): string | null {
  const s = raw.trim();
  if (s === "") return r.optional ? null : "Required.";
  const n = Number(s);
  if (!Number.isFinite(n)) return `"${s}" is not a number.`;
  if (r.int && !Number.isInteger(n)) return "A whole number.";
  if (r.positive && n <= 0) return "Must be more than 0.";
  if (r.min !== undefined && n < r.min) return `At least ${r.min}.`;
  if (r.max !== undefined && n > r.max) return `At most ${r.max}.`;
  return null;
}

/**
 * Checks the launch form before it is sent, so a typo is named beside its field instead of
 * coming back as a config path from the server. The server's check (lib/training/config.ts)
 * stays the authority; these are its rules as a person reads them.
 */
export function checkTrainForm(f: TrainForm): FormErrors {
  const e: FormErrors = {};
  const num = (k: keyof TrainForm, r: Rule) => {
    const p = numberProblem(String(f[k]), r);
    if (p) e[k] = p;
  };
  if (!f.baseModel.trim()) e.baseModel = "Required: a Hugging Face id, a local path, or tiny-test.";
  if (!f.dataset.trim()) e.dataset = "Required: the JSONL file on the training host.";
  num("learningRate", { positive: true, max: 1 });
  num("warmupSteps", { int: true, min: 0 });
  num("globalBatchSize", { int: true, min: 1 });
  num("microBatchSize", { int: true, min: 1 });
  num("maxLength", { int: true, min: 1, max: 1_048_576 });
  num("epochs", { positive: true });
  num("maxSteps", { int: true, min: 1, optional: true });
  num("evalEvery", { int: true, min: 1 });
  num("saveEvery", { int: true, min: 0 });
  num("earlyStoppingPatience", { int: true, min: 0, max: 1000 });
  num("earlyStoppingMinDelta", { min: 0 });
  num("datasetSamples", { int: true, min: 1, optional: true });
  num("gpusPerNode", { int: true, min: 0, max: 64 });
  num("nodes", { int: true, min: 1, max: 1024 });
  if (f.kind === "dpo") num("beta", { min: 0 });
  if (f.method === "lora") {
    num("loraR", { int: true, min: 1 });
    num("loraAlpha", { int: true, min: 1 });
    if (f.baseModel.trim() === "tiny-test") e.method = "The tiny test model trains fully; LoRA needs a Hugging Face model.";
  }
  if (!e.globalBatchSize && !e.microBatchSize && Number(f.microBatchSize) > Number(f.globalBatchSize)) e.microBatchSize = "At most the global batch.";
  if (f.backend !== "slurm" && !e.nodes && Number(f.nodes) > 1) e.nodes = "Several nodes need the Slurm backend.";
  if (f.backend === "ssh") {
    if (!f.sshHost.trim()) e.sshHost = "Required for the SSH backend.";
    num("sshPort", { int: true, min: 1, max: 65535 });
  }
  if (f.backend === "slurm" && f.slurmTimeLimit.trim() && !/^(\d+-)?\d{1,2}(:\d{2}){0,2}$/.test(f.slurmTimeLimit.trim())) {
    e.slurmTimeLimit = "A Slurm time such as 24:00:00 or 2-00:00:00.";
  }
  return e;
}
