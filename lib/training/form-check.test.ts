import { describe, expect, it } from "vitest";
import { DEFAULT_FORM, formToConfig } from "@/lib/training/form";
import { checkTrainForm } from "@/lib/training/form-check";
import { parseTrainConfig } from "@/lib/training/config";

const ok = { ...DEFAULT_FORM, dataset: "/d/sft.jsonl" };

describe("checkTrainForm", () => {
  it("passes the paper's defaults with a dataset, and the server accepts what it passes", () => {
    expect(checkTrainForm(ok)).toEqual({});
    expect(() => parseTrainConfig(formToConfig(ok))).not.toThrow();
  });

  it("names each bad field in words, where the server would only give a config path", () => {
    const e = checkTrainForm({ ...ok, dataset: " ", learningRate: "5e-5x", warmupSteps: "-1", globalBatchSize: "2.5", maxSteps: "0", gpusPerNode: "65" });
    expect(e).toEqual({
      dataset: "Required: the JSONL file on the training host.",
      learningRate: '"5e-5x" is not a number.',
      warmupSteps: "At least 0.",
      globalBatchSize: "A whole number.",
      maxSteps: "At least 1.",
      gpusPerNode: "At most 64.",
    });
    // each of these is refused by the server too
    for (const bad of [{ learningRate: "0" }, { warmupSteps: "-1" }, { maxSteps: "0" }, { gpusPerNode: "65" }]) {
      expect(Object.keys(checkTrainForm({ ...ok, ...bad }))).toHaveLength(1);
      expect(() => parseTrainConfig(formToConfig({ ...ok, ...bad }))).toThrow();
    }
  });

  it("checks the fields of the chosen stage, method and backend only", () => {
    expect(checkTrainForm({ ...ok, beta: "x" })).toEqual({});
    expect(checkTrainForm({ ...ok, kind: "dpo", beta: "x" })).toEqual({ beta: '"x" is not a number.' });
    expect(checkTrainForm({ ...ok, method: "lora", baseModel: "tiny-test" }).method).toMatch(/LoRA needs a Hugging Face model/);
    expect(checkTrainForm({ ...ok, backend: "ssh" })).toEqual({ sshHost: "Required for the SSH backend." });
    expect(checkTrainForm({ ...ok, backend: "slurm", slurmTimeLimit: "one day" }).slurmTimeLimit).toMatch(/24:00:00/);
    expect(checkTrainForm({ ...ok, nodes: "2" }).nodes).toMatch(/Slurm/);
    expect(checkTrainForm({ ...ok, microBatchSize: "64", globalBatchSize: "32" }).microBatchSize).toBe("At most the global batch.");
  });
});
