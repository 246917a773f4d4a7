import { describe, expect, it } from "vitest";
import { parseTrainConfig } from "@/lib/training/config";
import { estimatePackedRows, estimateTokens, planLines, previewPlan } from "@/lib/training/plan-preview";

describe("plan preview", () => {
  it("packs estimated lengths next-fit, never splitting a sample", () => {
    expect(estimatePackedRows([100, 100, 100, 1900, 50], 2048)).toBe(2);
    expect(estimatePackedRows([3000, 10], 2048)).toBe(2); // an overlong sample is truncated to one full row
  });

  it("counts the text of chat, instruction and preference records", () => {
    expect(estimateTokens({ messages: [{ role: "user", content: "abcdefg" }, { role: "assistant", content: "abcdefg" }] }, 3.5)).toBe(2 * (2 + 5));
    expect(estimateTokens({ instruction: "x".repeat(35), output: "y".repeat(7) }, 3.5)).toBe(10 + 5 + 2 + 5);
  });

  it("a packed paper-sized SFT set: 1024 samples a step, with the warm-up share flagged", () => {
    const c = parseTrainConfig({ dataset: "/d.jsonl", evalFraction: 0, resources: { gpusPerNode: 8 } });
    // 95,000 samples of ~500 tokens (1750 characters): four to a 2048-token row
    const p = previewPlan(c, { samples: 95_000, chars: Array(95_000).fill(1750 - 5) }, "file");
    expect(p).toMatchObject({ rows: 23_750, accumulation: 8, stepsPerEpoch: 93, totalSteps: 279, samplesPerStep: 1024 });
    expect(planLines(p)).toContain("warning: warm-up (100 steps) is 36% of the run's 279 optimizer steps (more than 20%)");
  });

  it("DPO pairs are never packed", () => {
    const c = parseTrainConfig({ kind: "dpo", dataset: "/p.jsonl", evalFraction: 0, training: { globalBatchSize: 64, microBatchSize: 4 } });
    expect(previewPlan(c, { samples: 640, chars: Array(640).fill(100) }, "file")).toMatchObject({ rows: 640, accumulation: 16, stepsPerEpoch: 10, rowsEstimated: false });
  });
});
