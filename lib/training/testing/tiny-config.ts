import path from "node:path";

export const EXAMPLES = path.resolve(import.meta.dirname, "../../../trainer/examples");

/** A training config for the CPU test model: a few steps on the demo data, seconds per run. */
export function tinyConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { training, ...rest } = overrides as { training?: Record<string, unknown> };
  return {
    name: "tiny",
    kind: "sft",
    baseModel: "tiny-test",
    dataset: path.join(EXAMPLES, "tiny-sft.jsonl"),
    evalFraction: 0.1,
    resources: { gpusPerNode: 0, nodes: 1, fsdp: false },
    training: {
      learningRate: 3e-3, warmupSteps: 2, globalBatchSize: 8, microBatchSize: 4, maxLength: 256, maxSteps: 10,
      evalEvery: 5, saveEvery: 4, bf16: false, ...training,
    },
    ...rest,
  };
}
