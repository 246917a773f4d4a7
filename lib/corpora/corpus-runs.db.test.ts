import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { listCorpusRuns } from "./queries";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

describe("listCorpusRuns", () => {
  it("lists the runs started from a corpus, newest first, with their sample counts, and no other corpus's runs", async () => {
    const [a, b] = await Promise.all(["a", "b"].map((name) => t.db.corpus.create({ data: { name, source: `/src/${name}`, status: "ready" } })));
    const old = await t.db.run.create({ data: { name: "first", corpusId: a.id, config: {}, status: "succeeded", createdAt: new Date("2025-01-01T00:00:00Z") } });
    const recent = await t.db.run.create({ data: { name: "second", corpusId: a.id, config: {}, status: "running", createdAt: new Date("2025-02-01T00:00:00Z") } });
    await t.db.run.create({ data: { name: "elsewhere", corpusId: b.id, config: {} } });
    await t.db.sample.createMany({
      data: [0, 1, 2].map((i) => ({ runId: old.id, stepKey: `s${i}`, part: "ds1", language: "py", instruction: "q", solution: "a" })),
    });

    const runs = await listCorpusRuns(t.db, a.id);
    expect(runs.map((r) => [r.name, r.status, r.samples])).toEqual([["second", "running", 0], ["first", "succeeded", 3]]);
    expect(runs[0].id).toBe(recent.id);
    expect(await listCorpusRuns(t.db, "no-such-corpus")).toEqual([]);
  });
});
