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
      maxSteps: "Must be more than 0.",
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
    expect(checkTrainForm({ ...ok, nodes: "2" }).nodes).toMatch(/slurm/i);
    expect(checkTrainForm({ ...ok, microBatchSize: "64", globalBatchSize: "32" }).microBatchSize).toBe("At most the global batch.");
  });

  it("agrees with the server on every case: the form passes exactly what parseTrainConfig accepts (one schema, no restated rules)", () => {
    const cases: Partial<typeof ok>[] = [
      {}, { microBatchSize: "64", globalBatchSize: "32" }, { microBatchSize: "32", globalBatchSize: "32" }, { globalBatchSize: "" }, { microBatchSize: "" },
      { learningRate: "2" }, { learningRate: "1" }, { epochs: "0" }, { epochs: "0.5" }, { maxLength: "2000000" }, { saveEvery: "0" }, { evalEvery: "0" },
      { earlyStoppingPatience: "1001" }, { earlyStoppingMinDelta: "-0.1" }, { gpusPerNode: "0" }, { nodes: "0" }, { nodes: "2" }, { nodes: "2", backend: "slurm" },
      { kind: "dpo", beta: "-1" }, { kind: "dpo", beta: "0" }, { method: "lora", loraR: "0" }, { method: "lora", loraAlpha: "8" },
      { method: "lora", baseModel: "tiny-test" }, { baseModel: "" }, { baseModel: "-oProxyCommand=x" }, { dataset: "-x.jsonl" },
      { backend: "ssh" }, { backend: "ssh", sshHost: "gpu1", sshPort: "70000" }, { backend: "ssh", sshHost: "gpu1" },
      { backend: "slurm", slurmTimeLimit: "one day" }, { backend: "slurm", slurmTimeLimit: "2-00:00:00" },
    ];
    for (const c of cases) {
      const f = { ...ok, ...c };
      const formOk = Object.keys(checkTrainForm(f)).length === 0;
      let serverOk = true;
      try { parseTrainConfig(formToConfig(f)); } catch { serverOk = false; }
      expect({ case: c, formOk }).toEqual({ case: c, formOk: serverOk });
    }
  });

  it("refuses a micro batch larger than the global batch at the server too (the browser-only rule of old)", () => {
    expect(checkTrainForm({ ...ok, microBatchSize: "64", globalBatchSize: "32" }).microBatchSize).toBe("At most the global batch.");
    expect(() => parseTrainConfig({ dataset: "/d.jsonl", training: { globalBatchSize: 32, microBatchSize: 64 } })).toThrow(/training.microBatchSize: at most the global batch/);
  });
});
