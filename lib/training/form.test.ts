import { describe, expect, it } from "vitest";
import { DEFAULT_FORM, formToConfig } from "@/lib/training/form";
import { parseTrainConfig } from "@/lib/training/config";

describe("launch form", () => {
  it("the untouched form is the paper's defaults", () => {
    const c = parseTrainConfig(formToConfig({ ...DEFAULT_FORM, dataset: "/d/x.jsonl" }));
    expect(c).toEqual(parseTrainConfig({ dataset: "/d/x.jsonl" }));
  });

  it("maps a DPO LoRA job on Slurm, leaving empty fields to the defaults", () => {
    const c = parseTrainConfig(formToConfig({
      ...DEFAULT_FORM, kind: "dpo", dataset: "/d/p.jsonl", method: "lora", loraR: "64", beta: "0.3", maxSteps: "", nodes: "2", gpusPerNode: "8",
      backend: "slurm", slurmPartition: "gpu", slurmSetup: "module load cuda\n\nsource venv/bin/activate\n",
    }));
    expect(c).toMatchObject({ kind: "dpo", method: "lora", lora: { r: 64, alpha: 32 }, training: { beta: 0.3 }, resources: { nodes: 2, gpusPerNode: 8 } });
    expect(c.training.maxSteps).toBeUndefined();
    expect(c.slurm).toMatchObject({ partition: "gpu", timeLimit: "24:00:00", setup: ["module load cuda", "source venv/bin/activate"] });
  });

  it("an SSH job without a host is refused by the config check", () => {
    expect(() => parseTrainConfig(formToConfig({ ...DEFAULT_FORM, dataset: "/d", backend: "ssh" }))).toThrow(/ssh.host/);
  });
});
