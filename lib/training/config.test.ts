import { describe, expect, it } from "vitest";
import { parseTrainConfig } from "@/lib/training/config";
import { trainConfigFromYaml, trainConfigToYaml } from "@/lib/training/config-yaml";

describe("training config", () => {
  it("fills in the paper's defaults", () => {
    const c = parseTrainConfig({ dataset: "data.jsonl" });
    expect(c.training).toMatchObject({ learningRate: 5e-5, warmupSteps: 100, globalBatchSize: 1024, maxLength: 2048, beta: 0.1, packing: true, bf16: true });
    expect(c).toMatchObject({ kind: "sft", method: "full", backend: "local", resources: { gpusPerNode: 1, nodes: 1 } });
  });

  it("keeps defaults for fields a partial section leaves out", () => {
    const c = parseTrainConfig({ dataset: "d.jsonl", training: { learningRate: 1e-4 } });
    expect(c.training.learningRate).toBe(1e-4);
    expect(c.training.warmupSteps).toBe(100);
  });

  it("refuses several nodes without Slurm, an ssh backend without a host, and unknown keys", () => {
    expect(() => parseTrainConfig({ dataset: "d", resources: { nodes: 2 } })).toThrow(/resources.nodes: several nodes need the slurm backend/);
    expect(() => parseTrainConfig({ dataset: "d", backend: "ssh" })).toThrow(/ssh: the ssh backend needs ssh.host/);
    expect(() => parseTrainConfig({ dataset: "d", learningRate: 1 })).toThrow(/Unrecognized key/);
  });

  it("reads YAML and names the line of a bad field", () => {
    const yaml = "kind: dpo\ndataset: pairs.jsonl\ntraining:\n  beta: 0.2\n  learningRate: -1\n";
    expect(() => trainConfigFromYaml(yaml)).toThrow(/line 5: training.learningRate/);
    const c = trainConfigFromYaml(yaml.replace("-1", "1e-6"), { backend: "slurm" });
    expect(c).toMatchObject({ kind: "dpo", backend: "slurm", training: { beta: 0.2, learningRate: 1e-6 } });
  });

  it("round-trips through YAML", () => {
    const c = parseTrainConfig({ dataset: "d.jsonl", method: "lora", ssh: { host: "gpu1" }, backend: "ssh" });
    expect(trainConfigFromYaml(trainConfigToYaml(c))).toEqual(c);
  });

  it("reports broken YAML with its line", () => {
    expect(() => trainConfigFromYaml("dataset: [a\nkind: sft\n")).toThrow(/Invalid YAML:\n {2}line \d/);
  });
});
