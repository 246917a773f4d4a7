import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evalCount, planSteps, roundHalfEven } from "@/lib/training/schedule-plan";

// The same cases trainer/tests/test_schedule.py checks the Python plan against.
const cases = JSON.parse(readFileSync(path.join(process.cwd(), "trainer/tests/schedule_cases.json"), "utf8")) as {
  plans: { name: string; samples: number; rows: number; global_batch: number; micro: number; world: number; epochs: number; max_steps: number | null; warmup_steps: number;
    expect: { accumulation: number; steps_per_epoch: number; total_steps: number; samples_per_step: number; warnings: string[] } }[];
  eval_split: { rows: number; fraction: number; eval: number }[];
};

describe("step plan (mirror of trainer/schedule.py)", () => {
  for (const c of cases.plans) {
    it(c.name, () => {
      const p = planSteps({ samples: c.samples, rows: c.rows, globalBatch: c.global_batch, micro: c.micro, world: c.world, epochs: c.epochs, maxSteps: c.max_steps, warmupSteps: c.warmup_steps });
      expect({ accumulation: p.accumulation, steps_per_epoch: p.stepsPerEpoch, total_steps: p.totalSteps, samples_per_step: p.samplesPerStep, warnings: p.warnings }).toEqual(c.expect);
    });
  }

  it("the paper's 1024 counts samples: a packed dataset gets 93 steps an epoch, not the 24 a rows-count batch gives", () => {
    const p = planSteps({ samples: 95_000, rows: 23_750, globalBatch: 1024, micro: 4, world: 8, epochs: 1, maxSteps: null, warmupSteps: 100 });
    expect(p.stepsPerEpoch).toBe(93);
    expect(p.warnings.join(" ")).toMatch(/warm-up \(100 steps\) is as long as the whole run \(93/);
  });

  it("eval split sizes and rounding agree with Python", () => {
    for (const c of cases.eval_split) expect(evalCount(c.rows, c.fraction)).toBe(c.eval);
    expect([0.5, 1.5, 2.5, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 3]);
  });
});
