import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { sampleCharts } from "./chart-data";
import { listSamples } from "./list-samples";
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

it("counts Ds4 as the run's DPO pairs, and Part = Ds4 selects the samples that have pairs", async () => {
  const run = await t.db.run.create({ data: { name: "charts-ds4", config: {} } });
  const q = await t.db.sample.create({ data: { runId: run.id, language: "js", part: "ds1", score: 4, verdict: "ok", instruction: "Count words.", solution: "f" } });
  await t.db.sample.create({ data: { runId: run.id, language: "js", part: "ds3", score: 3, verdict: "ok", instruction: "Other.", solution: "g" } });
  const pair = { runId: run.id, language: "js", prompt: "Count words.", chosen: "a", rejected: "b" };
  await t.db.dpoPair.createMany({ data: [{ ...pair, sampleId: q.id }, { ...pair, sampleId: q.id }, { ...pair, sampleId: null }] });

  const all = await sampleCharts(t.db, sampleFilterSchema.parse({ runId: run.id }));
  expect(all.total).toBe(2);
  expect(all.pairs).toBe(3);
  expect(all.perPart.map((b) => [b.label, b.n])).toEqual([["Ds1", 1], ["Ds2", 0], ["Ds3", 1], ["Ds4", 3]]);
  expect(all.perLanguage).toEqual([expect.objectContaining({ language: "js", ds1: 1, ds3: 1, ds4: 3 })]);

  // Part = Ds4: the pairs, no samples of the stored parts; a field of the query sample narrows them
  const ds4 = await sampleCharts(t.db, sampleFilterSchema.parse({ runId: run.id, part: "ds4" }));
  expect([ds4.total, ds4.pairs]).toEqual([0, 3]);
  expect((await sampleCharts(t.db, sampleFilterSchema.parse({ runId: run.id, part: "ds4", minScore: 4.5 }))).pairs).toBe(0);
  expect((await sampleCharts(t.db, sampleFilterSchema.parse({ runId: run.id, part: "ds3" }))).pairs).toBe(0);

  // the table's list: Part = Ds4 is the query samples with pairs
  const rows = await listSamples(t.db, sampleFilterSchema.parse({ runId: run.id, part: "ds4" }), { withTotal: true });
  expect(rows.items.map((r) => r.id)).toEqual([q.id]);
  expect(rows.total).toBe(1);
  expect((await listSamples(t.db, sampleFilterSchema.parse({ runId: run.id, part: "ds3,ds4" }), { withTotal: true })).total).toBe(2);
});
