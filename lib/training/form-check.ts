import type { z } from "zod";
import { trainConfigSchema } from "@/lib/training/config";
import { formToConfig, type TrainForm } from "@/lib/training/form";

/** Field → what is wrong with it, in words for the form. Empty when the form can be sent. */
export type FormErrors = Partial<Record<keyof TrainForm, string>>;

/** Where a config path is edited in the form (the config is nested, the form flat). */
const FIELD_OF_PATH: Record<string, keyof TrainForm> = {
  "lora.r": "loraR",
  "lora.alpha": "loraAlpha",
  "resources.gpusPerNode": "gpusPerNode",
  "resources.nodes": "nodes",
  ssh: "sshHost",
  "ssh.host": "sshHost",
  "ssh.port": "sshPort",
  "ssh.user": "sshUser",
  "ssh.identityFile": "sshIdentityFile",
  "ssh.remoteDir": "sshRemoteDir",
  "slurm.partition": "slurmPartition",
  "slurm.account": "slurmAccount",
  "slurm.timeLimit": "slurmTimeLimit",
  "slurm.workDir": "slurmWorkDir",
  "slurm.setup": "slurmSetup",
};

/** What to say beside a required field left empty. */
const REQUIRED: Partial<Record<keyof TrainForm, string>> = {
  baseModel: "Required: a Hugging Face id, a local path, or tiny-test.",
  dataset: "Required: the JSONL file on the training host.",
  sshHost: "Required for the SSH backend.",
};

function fieldOf(path: PropertyKey[], f: TrainForm): keyof TrainForm | null {
  const [head, second] = path.map(String);
  if (head === "training" && second && second in f) return second as keyof TrainForm;
  const mapped = FIELD_OF_PATH[path.slice(0, 2).map(String).join(".")] ?? FIELD_OF_PATH[head];
  if (mapped) return mapped;
  return head && head in f ? (head as keyof TrainForm) : null;
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? "" : "."}`;

/** A schema issue in the words a person filling in the form reads. */
function words(issue: z.core.$ZodIssue, field: keyof TrainForm, raw: string): string {
  if (raw.trim() === "" && REQUIRED[field]) return REQUIRED[field]!;
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return "A whole number.";
      if (raw.trim() === "") return "Required.";
      return issue.expected === "number" && !Number.isFinite(Number(raw)) ? `"${raw.trim()}" is not a number.` : sentence(issue.message);
    case "too_small":
      if (issue.origin === "string" || issue.origin === "array") return "Required.";
      return issue.inclusive === false ? `Must be more than ${issue.minimum}.` : `At least ${issue.minimum}.`;
    case "too_big":
      return issue.origin === "string" ? `At most ${issue.maximum} characters.` : issue.inclusive === false ? `Less than ${issue.maximum}.` : `At most ${issue.maximum}.`;
    default:
      return sentence(issue.message);
  }
}

/**
 * Checks the launch form before it is sent, so a problem is named beside its field instead of
 * coming back as a config path from the server. The rules are the server's own
 * (trainConfigSchema, lib/training/config.ts), run on the config the form would send: what the
 * form passes the server accepts, and the other way round. The form adds only the check of the
 * plan-only dataset size, which is not sent.
 */
export function checkTrainForm(f: TrainForm): FormErrors {
  const e: FormErrors = {};
  const samples = f.datasetSamples.trim();
  if (samples !== "" && !e.datasetSamples && !(Number.isInteger(Number(samples)) && Number(samples) >= 1)) e.datasetSamples = "A whole number, at least 1.";
  const r = trainConfigSchema.safeParse(formToConfig(f));
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = fieldOf(issue.path, f);
      if (!field || e[field]) continue;
      e[field] = words(issue, field, String(f[field]));
    }
  }
  return e;
}
