import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { sampleFilterSchema } from "@/lib/samples/sample-filter";
import { exportDataset } from "./export-dataset";

let t: TestDb;
let tmp: string;
let runId: string;
const TASK = "Write a Python function that takes a list of closed integer intervals, merges every pair that overlaps or touches, and returns the merged intervals sorted by start; an empty list gives an empty list and an interval whose end comes before its start raises a ValueError naming it";
const CODE = "def merge(intervals):\n    out = []\n    for start, end in sorted(intervals):\n        if end < start:\n            raise ValueError((start, end))\n        if out and start <= out[-1][1] + 1:\n            out[-1][1] = max(out[-1][1], end)\n        else:\n            out.append([start, end])\n    return out\n";

beforeAll(async () => {
  t = await createTestDb();
  tmp = mkdtempSync(path.join(os.tmpdir(), "xi-export-dedup-"));
  runId = (await t.db.run.create({ data: { name: "dedup-run", config: { languages: ["py"] } } })).id;
  const rows = [
    { id: `${runId}:1`, instruction: TASK, solution: CODE },
    { id: `${runId}:2`, instruction: `${TASK}  `, solution: `${CODE}\n` },
    { id: `${runId}:3`, instruction: TASK.replace("sorted by start", "ordered by start"), solution: "def f():\n    return 1\n" },
    { id: `${runId}:4`, instruction: "Return the n-th Fibonacci number iteratively.", solution: CODE.replace("out = []", "out = list()") },
    { id: `${runId}:5`, instruction: "Count the vowels of a string.", solution: "def vowels(s):\n    return sum(c in 'aeiou' for c in s.lower())\n" },
  ];
  for (const r of rows) await t.db.sample.create({ data: { ...r, runId, language: "py", part: "ds3", curation: "accepted", score: 4 } });
});
afterAll(async () => {
  await t?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const filter = () => sampleFilterSchema.parse({ runId });
const exported = (dir: string) => readFileSync(path.join(dir, "data/train-00000-of-00001.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).id);

describe("dedup at export", () => {
  it("is on by default: exact and near duplicates leave the dataset, the result and the card say which", async () => {
    const dir = path.join(tmp, "on");
    const r = await exportDataset(t.db, { format: "sft", filter: filter(), outDir: dir });
    expect(exported(dir).sort()).toEqual([`${runId}:1`, `${runId}:5`]);
    expect(r.sft.total).toBe(2);
    expect(r.dedup).toMatchObject({ enabled: true, checked: 5, removed: 3, byKind: { exact: 1, "near-instruction": 1, "near-code": 1 } });
    expect(r.decontamination.checked).toBe(2);
    const card = readFileSync(path.join(dir, "README.md"), "utf8");
    expect(card).toContain("## Deduplication");
    expect(card).toContain("5 sample(s) checked, **3 removed**");
    expect(card).toContain(`| \`${runId}:3\` | \`${runId}:1\` | near-instruction |`);
  });

  it("can be turned off, and the card says the data was not deduplicated", async () => {
    const dir = path.join(tmp, "off");
    const r = await exportDataset(t.db, { format: "alpaca", filter: filter(), outDir: dir, dedup: false });
    expect(exported(dir)).toHaveLength(5);
    expect(r.dedup).toMatchObject({ enabled: false, removed: 0, checked: 5 });
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("**Not deduplicated**");
  });
});
