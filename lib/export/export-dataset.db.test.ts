import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { parquetReadObjects } from "hyparquet";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { sampleFilterSchema } from "@/lib/samples/sample-filter";
import { exportDataset } from "./export-dataset";
import type { ExportFilter } from "./types";

let t: TestDb;
let tmp: string;
let runId: string;
beforeAll(async () => {
  t = await createTestDb();
  tmp = mkdtempSync(path.join(os.tmpdir(), "xi-export-"));
  runId = (await t.db.run.create({ data: { name: "export-run", config: { languages: ["py", "java"], discussion: { mode: "centralized" } } } })).id;
  const rows = [
    { language: "py", part: "ds1", curation: "accepted", instruction: "Add a and b.", solution: "def add(a, b):\n    return a + b" },
    { language: "java", part: "ds3", curation: "edited", instruction: "Print hello.", solution: 'System.out.println("hello");' },
    { language: "py", part: "ds2", curation: "rejected", instruction: "Bad one.", solution: "pass" },
    { language: "py", part: "ds1", curation: "pending", instruction: "Unreviewed.", solution: "pass" },
    { language: "py", part: "ds1", curation: "accepted", instruction: "def has_close_elements(numbers, threshold): HumanEval/0", solution: "return True" },
  ];
  for (const r of rows) await t.db.sample.create({ data: { ...r, runId, score: 4 } });
  await t.db.dpoPair.create({ data: { runId, language: "py", prompt: "Sum a list.", chosen: "sum(xs)", rejected: "xs[0]" } });
});
afterAll(async () => {
  await t?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const filter = (x = {}) => sampleFilterSchema.parse({ runId, ...x });
const lines = (file: string) => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const frontMatter = (dir: string) => parse(readFileSync(path.join(dir, "README.md"), "utf8").split(/^---$/m)[1]);

describe("export", () => {
  it("exports accepted and edited samples as SFT chat JSONL with a dataset card", async () => {
    const dir = path.join(tmp, "sft");
    const r = await exportDataset(t.db, { format: "sft", filter: filter(), outDir: dir, name: "demo" });
    const rows = lines(path.join(dir, "data/train-00000-of-00001.jsonl"));
    expect(rows.map((x) => x.messages[0].content).sort()).toEqual(["Add a and b.", "Print hello.", "def has_close_elements(numbers, threshold): HumanEval/0"]);
    expect(rows.find((x) => x.language === "java").messages[1]).toEqual({ role: "assistant", content: '```java\nSystem.out.println("hello");\n```' });
    expect(r.sft).toEqual({ total: 3, perLanguage: { py: 2, java: 1 }, perPart: { ds1: 2, ds3: 1 } });
    expect(r.files.map((f) => f.path)).toEqual(["data/train-00000-of-00001.jsonl", "README.md"]);
    const front = frontMatter(dir);
    expect(front.configs[0].data_files[0].path).toBe("data/train-*.jsonl");
    expect(front.dataset_info.splits[0].num_examples).toBe(3);
    const readme = readFileSync(path.join(dir, "README.md"), "utf8");
    expect(readme).toContain("decontamination not configured");
    expect(readme).toContain("mode: centralized"); // the run's config
  });

  it("runs the decontamination filter first and reports what it removed", async () => {
    const dir = path.join(tmp, "decon");
    const decontaminate: ExportFilter = async (items) => {
      const bad = items.filter((i) => i.text.includes("HumanEval/0"));
      return { kept: items.filter((i) => !bad.includes(i)).map((i) => i.id), report: { benchmarks: ["humaneval"], removed: bad.map((b) => b.id) } };
    };
    const r = await exportDataset(t.db, { format: "alpaca", filter: filter(), outDir: dir, decontaminate });
    const rows = lines(path.join(dir, "data/train-00000-of-00001.jsonl"));
    expect(rows).toHaveLength(2);
    expect(rows.every((x) => !x.instruction.includes("HumanEval"))).toBe(true);
    expect(rows[0]).toHaveProperty("output");
    expect(r.decontamination).toMatchObject({ configured: true, checked: 3, removed: 1 });
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toMatch(/3 item\(s\) checked, 1 removed[\s\S]*"humaneval"/);
  });

  it("writes Parquet that a Parquet reader reads back with nested messages", async () => {
    const dir = path.join(tmp, "pq");
    await exportDataset(t.db, { format: "parquet", filter: filter({ curation: "accepted,edited,pending" }), outDir: dir });
    const buf = readFileSync(path.join(dir, "data/train-00000-of-00001.parquet"));
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
    expect(rows).toHaveLength(4);
    const add = rows.find((x) => x.messages[0].content === "Add a and b.")!;
    expect(add).toMatchObject({ language: "py", part: "ds1", score: 4, messages: [{ role: "user" }, { role: "assistant", content: "```python\ndef add(a, b):\n    return a + b\n```" }] });
    expect(frontMatter(dir).configs[0].data_files[0].path).toBe("data/train-*.parquet");
  });

  it("exports DPO pairs in TRL's format and a LLaMA-Factory dataset_info.json", async () => {
    const dpoDir = path.join(tmp, "dpo");
    await exportDataset(t.db, { format: "dpo", filter: filter(), outDir: dpoDir, fence: false });
    expect(lines(path.join(dpoDir, "data/train-00000-of-00001.jsonl"))).toEqual([{ prompt: "Sum a list.", chosen: "sum(xs)", rejected: "xs[0]", id: expect.any(String), language: "py" }]);
    const lf = path.join(tmp, "lf");
    const r = await exportDataset(t.db, { format: "llamafactory", filter: filter(), outDir: lf, name: "my set" });
    const info = JSON.parse(readFileSync(path.join(lf, "dataset_info.json"), "utf8"));
    expect(Object.keys(info)).toEqual(["my_set_sft", "my_set_dpo"]);
    for (const entry of Object.values(info) as { file_name: string }[]) expect(readFileSync(path.join(lf, entry.file_name), "utf8").length).toBeGreaterThan(0);
    expect(lines(path.join(lf, info.my_set_sft.file_name))).toHaveLength(3);
    expect(frontMatter(lf).configs.map((c: { config_name: string }) => c.config_name)).toEqual(["sft", "dpo"]);
    expect(r.dpo.total).toBe(1);
  });

  it("leaves out samples whose own tests fail by default, counts them in the card, and includes them on request", async () => {
    const verified = (await t.db.run.create({ data: { name: "verified-run", config: {} } })).id;
    const rows = [
      { instruction: "Passes.", verdict: "ok" },
      { instruction: "Throws.", verdict: "exception" },
      { instruction: "Does not compile.", verdict: "syntax_error" },
      { instruction: "Loops.", verdict: "timeout" },
      { instruction: "Never verified.", verdict: null },
      { instruction: "No tests could be written.", verdict: "no_tests" },
    ];
    // distinct solutions: identical code would be dropped as near duplicates (dedup-samples.ts)
    for (const r of rows) await t.db.sample.create({ data: { ...r, runId: verified, language: "py", part: "ds1", curation: "accepted", solution: `print(${JSON.stringify(r.instruction)})` } });
    const own = filter({ runId: verified });

    const dir = path.join(tmp, "verified-default");
    const r = await exportDataset(t.db, { format: "sft", filter: own, outDir: dir });
    expect(lines(path.join(dir, "data/train-00000-of-00001.jsonl")).map((x) => x.messages[0].content).sort()).toEqual(["Never verified.", "No tests could be written.", "Passes."]);
    expect(r.failingTests).toEqual({ included: false, count: 3, perVerdict: { exception: 1, syntax_error: 1, timeout: 1 } });
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("3 sample(s) excluded because their own tests fail (exception: 1, syntax_error: 1, timeout: 1).");

    const all = path.join(tmp, "verified-all");
    const r2 = await exportDataset(t.db, { format: "alpaca", filter: own, outDir: all, includeFailing: true });
    expect(lines(path.join(all, "data/train-00000-of-00001.jsonl"))).toHaveLength(6);
    expect(r2.failingTests).toMatchObject({ included: true, count: 3 });
    expect(readFileSync(path.join(all, "README.md"), "utf8")).toContain("3 sample(s) whose own tests fail are **included** on request");

    // a selection of failing samples only says why nothing was exported
    await expect(exportDataset(t.db, { format: "sft", filter: filter({ runId: verified, verdict: "failed" }), outDir: path.join(tmp, "verified-none") })).rejects.toThrow(/3 matching sample\(s\) fail their own tests/);
  });

  it("refuses a non-empty folder and an empty selection, writing nothing", async () => {
    const dir = path.join(tmp, "busy");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "keep.txt"), "mine");
    await expect(exportDataset(t.db, { format: "sft", filter: filter(), outDir: dir })).rejects.toMatchObject({ code: "conflict:export_dir" });
    expect(readFileSync(path.join(dir, "keep.txt"), "utf8")).toBe("mine");
    await expect(exportDataset(t.db, { format: "sft", filter: filter({ language: "cpp" }), outDir: path.join(tmp, "none") })).rejects.toMatchObject({ code: "invalid:export" });
  });
});
