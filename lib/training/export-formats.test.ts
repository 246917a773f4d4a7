import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseTrainConfig } from "@/lib/training/config";
import { gradientAccumulation, toLlamaFactoryYaml, toTrlConfig } from "@/lib/training/export-formats";
import { planSteps } from "@/lib/training/schedule-plan";

/**
 * The exports train with the paper's batch: the global batch counts samples. Under packing
 * LLaMA-Factory and TRL count per_device_train_batch_size in packed rows, so an export that kept
 * packing with accumulation global / (micro × GPUs) would take several times the samples per step.
 */
const GPUS = 8;
const c = parseTrainConfig({ dataset: "/d/sft.jsonl", resources: { gpusPerNode: GPUS } });
// 95 000 samples, about 4 to a 2048-token row (the example)
const measured = { ...planSteps({ samples: 95_000, rows: 23_750, globalBatch: 1024, micro: 4, world: GPUS, epochs: 3, maxSteps: null, warmupSteps: 100 }), source: "file" as const };

/** Samples one optimizer step sees with this exported config. */
function samplesPerStep(doc: Record<string, number | boolean>, samplesPerRow: number): number {
  const rows = (doc.per_device_train_batch_size as number) * (doc.gradient_accumulation_steps as number) * GPUS;
  return doc.packing === true ? rows * samplesPerRow : rows;
}

describe("LLaMA-Factory export: the batch in samples", () => {
  it("keeps packing without cross-attention and derives accumulation from the measured samples per row", () => {
    const text = toLlamaFactoryYaml(c, measured);
    const doc = parse(text);
    expect(doc).toMatchObject({ packing: true, neat_packing: true, per_device_train_batch_size: 4, gradient_accumulation_steps: 8 });
    expect(samplesPerStep(doc, 4)).toBe(1024);
    expect(text).toContain("# Batch in samples: packing puts about 4.0 samples in each 2048-token row");
    expect(text).toContain("gradient_accumulation_steps is 8 (not 32): about 1024 samples per");
  });

  it("turns packing off when the dataset could not be measured here, so the batch counts samples exactly", () => {
    for (const plan of [undefined, null, { ...measured, source: "given" as const }]) {
      const text = toLlamaFactoryYaml(c, plan);
      const doc = parse(text);
      expect(doc.packing).toBe(false);
      expect(doc).not.toHaveProperty("neat_packing");
      expect(samplesPerStep(doc, 4)).toBe(1024);
      expect(text).toContain("packing is off here, so per_device_train_batch_size counts samples");
    }
  });

  it("without packing in the job, no packing keys and the plain accumulation", () => {
    const doc = parse(toLlamaFactoryYaml(parseTrainConfig({ dataset: "/d/sft.jsonl", resources: { gpusPerNode: GPUS }, training: { packing: false } }), measured));
    expect(doc).not.toHaveProperty("packing");
    expect(doc.gradient_accumulation_steps).toBe(16 * 2);
  });
});

describe("TRL export: the batch in samples", () => {
  it("padding-free batches with flash-attention instead of packing: the per-device batch counts samples, none attend to another", () => {
    const { yaml } = toTrlConfig(c);
    const doc = parse(yaml);
    expect(doc).toMatchObject({ packing: false, padding_free: true, attn_implementation: "flash_attention_2", per_device_train_batch_size: 4, gradient_accumulation_steps: 32 });
    expect(samplesPerStep(doc, 4)).toBe(1024);
    expect(yaml).toContain("padding_free flattens each micro-batch into one row");
  });

  it("with SDPA or eager chosen: plain padded batches (padding-free would let samples attend to each other there)", () => {
    for (const attn of ["sdpa", "eager"] as const) {
      const doc = parse(toTrlConfig(parseTrainConfig({ dataset: "/d/sft.jsonl", training: { attnImplementation: attn } })).yaml);
      expect(doc).toMatchObject({ packing: false, attn_implementation: attn });
      expect(doc).not.toHaveProperty("padding_free");
    }
  });
});

describe("accumulation", () => {
  it("rounds as the trainer does (half to even), not down", () => {
    expect(gradientAccumulation(parseTrainConfig({ dataset: "/d/s.jsonl", training: { microBatchSize: 6 } }))).toBe(171);
    expect(planSteps({ samples: 5000, rows: 5000, globalBatch: 1024, micro: 6, world: 1, epochs: 1, maxSteps: null, warmupSteps: 0 }).accumulation).toBe(171);
  });
});
