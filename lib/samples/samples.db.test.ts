import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDefaultPool } from "@/lib/sandbox";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { listSamples, countSamples } from "./list-samples";
import { sampleFilterSchema, type SampleFilterInput } from "./sample-filter";
import { curateSamples } from "./curate-samples";
import { editSample } from "./edit-sample";
import { getSample } from "./get-sample";
import { importSamples } from "./import-samples";
import { runSampleAgain } from "./run-again";

let t: TestDb;
let runA: string;
let runB: string;
const LANGS = ["py", "java", "cpp", "ts"];
const PARTS = ["ds1", "ds2", "ds3"];

beforeAll(async () => {
  t = await createTestDb();
  runA = (await t.db.run.create({ data: { name: "run-a", config: {} } })).id;
  runB = (await t.db.run.create({ data: { name: "run-b", config: {} } })).id;
  // 240 samples: language, part, score, verdict vary with i; a few carry searchable words.
  const data = Array.from({ length: 240 }, (_, i) => ({
    runId: i % 3 === 0 ? runB : runA,
    part: PARTS[i % 3],
    language: LANGS[i % 4],
    instruction: i === 17 ? "Compute the Levenshtein DISTANCE between two strings" : `Task number ${i}: sum a list`,
    solution: i === 42 ? "def levenshtein(a, b):\n    return 0  # 100%_done" : `def f${i}(xs):\n    return sum(xs)`,
    tests: "assert True",
    score: i % 10 === 0 ? null : (i % 5) + 1,
    verdict: i % 7 === 0 ? null : i % 2 === 0 ? "ok" : i % 3 === 0 ? "timeout" : "exception",
  }));
  for (const d of data) await t.db.sample.create({ data: d });
});
afterAll(async () => { await closeDefaultPool(); await t?.cleanup(); });

const f = (x: SampleFilterInput) => sampleFilterSchema.parse(x);

async function all(filter: SampleFilterInput, sort: "new" | "score" = "new", limit = 17) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listSamples(t.db, f(filter), { sort, cursor, limit });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return ids;
}

describe("samples table: keyset pages and filters", () => {
  it("walks every sample exactly once, newest first, across pages", async () => {
    const ids = await all({});
    expect(ids).toHaveLength(240);
    expect(new Set(ids).size).toBe(240);
    expect([...ids].sort().reverse()).toEqual(ids);
    const first = await listSamples(t.db, f({}), { limit: 5, withTotal: true });
    expect(first.total).toBe(240);
    expect(first.items[0]).toMatchObject({ runName: expect.stringMatching(/^run-[ab]$/), curation: "pending", filtered: false });
  });

  it("sorts by score, highest first, unscored last, without gaps or repeats", async () => {
    const ids = await all({ runId: runA }, "score", 13);
    expect(ids).toHaveLength(160);
    expect(new Set(ids).size).toBe(160);
    const rows = await t.db.sample.findMany({ where: { id: { in: ids } }, select: { id: true, score: true } });
    const score = new Map(rows.map((r) => [r.id, r.score]));
    const seq = ids.map((id) => score.get(id) ?? -1);
    expect(seq).toEqual([...seq].sort((a, b) => b - a));
    expect(seq.at(-1)).toBe(-1);
  });

  it("filters by run, language, part, score range, verdict and curation, alone and together", async () => {
    const db = t.db;
    const expectCount = async (filter: SampleFilterInput, where: object) => {
      expect(await countSamples(db, f(filter))).toBe(await db.sample.count({ where }));
      expect((await all(filter)).length).toBe(await db.sample.count({ where }));
    };
    await expectCount({ runId: runB }, { runId: runB });
    await expectCount({ language: "py,java" }, { language: { in: ["py", "java"] } });
    await expectCount({ part: "ds3" }, { part: "ds3" });
    await expectCount({ minScore: 2, maxScore: 4 }, { score: { gte: 2, lte: 4 } });
    await expectCount({ verdict: "ok" }, { verdict: "ok" });
    await expectCount({ verdict: "none" }, { verdict: null });
    await expectCount({ verdict: "failed" }, { verdict: { in: ["timeout", "exception"] } });
    await expectCount({ runId: runA, language: "ts", part: "ds2", minScore: 3 }, { runId: runA, language: "ts", part: "ds2", score: { gte: 3 } });
    expect(await countSamples(db, f({ language: "rust" }))).toBe(0);
  });

  it("searches instruction and solution as case-insensitive substrings, with LIKE wildcards taken literally", async () => {
    const hits = async (q: string) => (await listSamples(t.db, f({ q }), { limit: 50 })).items.map((r) => r.preview);
    expect(await hits("levenshtein")).toHaveLength(2); // one in an instruction, one in a solution
    expect(await hits("ein dist")).toEqual(["Compute the Levenshtein DISTANCE between two strings"]);
    expect(await hits("100%_d")).toHaveLength(1);
    expect(await hits("%")).toHaveLength(1); // short queries: a plain scan, still literal
    expect(await hits("10_%")).toHaveLength(0);
    // A common word pages through every match in order, whichever way each page is found.
    const common = await all({ q: "TASK number" }, "new", 50);
    expect(common).toEqual((await t.db.sample.findMany({ where: { instruction: { startsWith: "Task number" } }, orderBy: { id: "desc" }, select: { id: true } })).map((r) => r.id));
    expect(await countSamples(t.db, f({ q: "task number", language: "py" }))).toBe(await t.db.sample.count({ where: { language: "py", instruction: { startsWith: "Task number" } } }));
  });

  it("rejects a forged cursor and a cursor of another sort with a 400", async () => {
    await expect(listSamples(t.db, f({}), { cursor: "garbage" })).rejects.toMatchObject({ code: "invalid:cursor", status: 400 });
    const page = await listSamples(t.db, f({}), { limit: 2 });
    await expect(listSamples(t.db, f({}), { cursor: page.nextCursor, sort: "score" })).rejects.toMatchObject({ code: "invalid:cursor" });
  });
});

describe("curation and revisions", () => {
  it("accepts and rejects picked samples, and every sample matching a filter", async () => {
    const page = await listSamples(t.db, f({ language: "cpp" }), { limit: 3 });
    const ids = page.items.map((r) => r.id);
    expect(await curateSamples(t.db, "accept", { ids: ids.slice(0, 2) })).toEqual({ updated: 2 });
    expect(await curateSamples(t.db, "reject", { ids: ids.slice(2) })).toEqual({ updated: 1 });
    expect(await countSamples(t.db, f({ curation: "accepted" }))).toBe(2);
    const tsInB = await t.db.sample.count({ where: { runId: runB, language: "ts" } });
    expect(await curateSamples(t.db, "accept", { filter: f({ runId: runB, language: "ts" }) })).toEqual({ updated: tsInB });
    expect(await countSamples(t.db, f({ curation: "accepted" }))).toBe(2 + tsInB);
    await curateSamples(t.db, "reset", { filter: f({}) });
    expect(await countSamples(t.db, f({ curation: "pending" }))).toBe(240);
  });

  it("keeps every edit as a revision, the generated text first, and marks the sample edited", async () => {
    const s = await t.db.sample.findFirstOrThrow({ where: { verdict: "ok" } });
    await editSample(t.db, s.id, { instruction: s.instruction, solution: "def g():\n    return 1" });
    await editSample(t.db, s.id, { instruction: "Return one.", solution: "def g():\n    return 1" });
    const d = await getSample(t.db, s.id);
    expect(d.curation).toBe("edited");
    expect(d.verdict).toBeNull(); // the code changed: the old verdict no longer applies
    expect(d.revisions.map((r) => [r.author, r.instruction, r.solution])).toEqual([
      ["generated", s.instruction, s.solution],
      ["user", s.instruction, "def g():\n    return 1"],
      ["user", "Return one.", "def g():\n    return 1"],
    ]);
    expect(d.instruction).toBe("Return one.");
    // The search index follows edits.
    expect((await listSamples(t.db, f({ q: "return one." }))).items.map((r) => r.id)).toEqual([s.id]);
    await expect(editSample(t.db, s.id, { instruction: "Return one.", solution: "def g():\n    return 1" })).rejects.toMatchObject({ code: "invalid:edit" });
    await expect(editSample(t.db, "nope", { instruction: "x", solution: "y" })).rejects.toMatchObject({ code: "not_found:sample" });
  });

  it("runs edited code again in the sandbox, stores the execution and the verdict", async () => {
    const s = await t.db.sample.create({ data: { runId: (await t.db.sample.findFirstOrThrow()).runId, part: "ds1", language: "py", instruction: "Add.", solution: "def add(a, b):\n    return a - b\n" } });
    const failed = await runSampleAgain(t.db, s.id, { solution: "def add(a, b):\n    return a - b\n", tests: "assert add(2, 3) == 5\n" });
    expect(failed.status).toBe("exception");
    expect(failed.stderr).toContain("AssertionError");
    const fixed = await runSampleAgain(t.db, s.id, { solution: "def add(a, b):\n    return a + b\n", tests: "assert add(2, 3) == 5\n" });
    expect(fixed.status).toBe("ok");
    expect(await t.db.execution.count({ where: { sampleId: s.id } })).toBe(2);
    expect((await t.db.sample.findUniqueOrThrow({ where: { id: s.id } })).verdict).toBe("ok");
    await expect(runSampleAgain(t.db, "nope", { solution: "print(1)" })).rejects.toMatchObject({ code: "not_found:sample" });
  });
});

describe("import", () => {
  it("imports native, Alpaca, chat and DPO lines into a named run, all or nothing", async () => {
    const lines = [
      JSON.stringify({ instruction: "Reverse a string.", solution: "s[::-1]", tests: "assert 1", score: 4.5, curation: "accepted" }),
      JSON.stringify({ instruction: "Add", input: "2 and 3", output: "5", language: "js" }),
      JSON.stringify({ messages: [{ role: "user", content: "Hello?" }, { role: "assistant", content: "print('hi')" }] }),
      JSON.stringify({ prompt: "Sort a list.", chosen: "sorted(x)", rejected: "x" }),
    ];
    const bad = [...lines, "{oops", JSON.stringify({ instruction: "x" })].join("\n");
    await expect(importSamples(t.db, bad, { runName: "imported", language: "py" })).rejects.toThrow(/line 5: not valid JSON[\s\S]*line 6: no "solution"/);
    expect(await t.db.run.count({ where: { name: "imported" } })).toBe(0);
    const r = await importSamples(t.db, lines.join("\n"), { runName: "imported", language: "py", part: "ds2" });
    expect(r).toMatchObject({ createdRun: true, samples: 3, dpoPairs: 1 });
    const rows = await t.db.sample.findMany({ where: { runId: r.runId }, orderBy: { instruction: "asc" } });
    expect(rows.map((x) => [x.language, x.part, x.instruction, x.solution, x.curation])).toEqual([
      ["js", "ds2", "Add\n\n2 and 3", "5", "pending"],
      ["py", "ds2", "Hello?", "print('hi')", "pending"],
      ["py", "ds2", "Reverse a string.", "s[::-1]", "accepted"],
    ]);
    expect(await t.db.dpoPair.findFirst({ where: { runId: r.runId } })).toMatchObject({ prompt: "Sort a list.", chosen: "sorted(x)", rejected: "x", language: "py" });
    const again = await importSamples(t.db, lines[0], { runName: "imported", language: "py" });
    expect(again).toMatchObject({ runId: r.runId, createdRun: false, samples: 1 });
  });
});
