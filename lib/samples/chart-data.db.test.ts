import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { sampleCharts } from "./chart-data";
import { sampleFilterSchema } from "./sample-filter";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const run = await t.db.run.create({ data: { name: "charts", config: {} } });
  const rows = [
    { language: "py", part: "ds1", score: 4.5, verdict: "ok", instruction: "Sum a list of numbers.", solution: "def f(xs):\n    return sum(xs)" },
    { language: "py", part: "ds3", score: 2, verdict: "exception", instruction: "Reverse it.", solution: "x[::-1]" },
    { language: "java", part: "ds2", score: null, verdict: null, instruction: "Print hi.", solution: 'System.out.println("hi");' },
  ];
  for (const r of rows) await t.db.sample.create({ data: { ...r, runId: run.id } });
});
afterAll(async () => t?.cleanup());

it("draws the charts of the matching samples from the database", async () => {
  const c = await sampleCharts(t.db, sampleFilterSchema.parse({}));
  expect(c.total).toBe(3);
  expect(c.perLanguage.map((b) => [b.language, b.total])).toEqual([["py", 2], ["java", 1]]);
  expect(c.passRate.find((r) => r.language === "py")).toMatchObject({ executed: 2, passed: 1, rate: 0.5 });
  expect(c.scores.unscored).toBe(1);
  expect(c.scores.bins.reduce((s, b) => s + b.n, 0)).toBe(2);
  expect(c.lengths).toMatchObject({ measured: 3, of: 3 });
  expect(c.lengths.problem.count).toBe(3);
  const py = await sampleCharts(t.db, sampleFilterSchema.parse({ language: "py" }), { lengthSampleSize: 1 });
  expect(py.total).toBe(2);
  expect(py.lengths).toMatchObject({ measured: 1, of: 2 });
});
