import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { startWorker } from "@/lib/jobs/worker";
import { jobTopic } from "@/lib/jobs/queue";
import { listEvents } from "@/lib/events/store";
import { addCorpus } from "./add-corpus";
import { ingestCorpus } from "./run-ingest";
import { corpusLanguageStats, getCorpus, listSnippets } from "./queries";
import { relabelFile } from "./relabel-file";
import { deleteCorpus } from "./delete-corpus";
import { tempDir, writeProject, zipBomb, PROJECT } from "./testing/fixtures";

let t: TestDb;
const tmp = tempDir("corpora-db-");
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); tmp.cleanup(); });

async function runQueue() {
  const w = startWorker({ db: t.db, concurrency: 1, leaseMs: 10_000, exitWhenIdle: true, types: ["corpus.ingest"] });
  await w.done;
}

const rowCounts = async (corpusId: string) => ({
  files: await t.db.corpusFile.count({ where: { corpusId } }),
  snippets: await t.db.snippet.count({ where: { corpusId } }),
});

describe("corpus.ingest job", () => {
  it("imports a folder of real code: files, snippets, report and progress to the end", async () => {
    const dir = writeProject(tmp.path("project"));
    const { corpus, jobId } = await addCorpus(t.db, { source: dir });
    expect(corpus).toMatchObject({ name: "project", status: "pending", source: dir });
    await runQueue();

    const c = await getCorpus(t.db, corpus.id);
    expect(c.status).toBe("ready");
    expect(c.error).toBeNull();
    // 5 files in the 8 languages; README.md and Main.hs (Haskell, not in the registry) are skipped with their reason.
    expect(c.files).toBe(5);
    expect(c.report!.files.skippedByReason).toEqual({ unsupported_language: 2 });
    expect(c.report!.files.skippedFiles.map((f) => f.path).sort()).toEqual(["README.md", "hs/Main.hs"]);
    expect(c.snippets).toBe(c.report!.snippets.kept);
    const langs = Object.fromEntries((await corpusLanguageStats(t.db, corpus.id)).map((l) => [l.language, l.snippets]));
    expect(Object.keys(langs).sort()).toEqual(["java", "php", "py", "sh", "ts"]);

    const py = await listSnippets(t.db, corpus.id, { language: "py" });
    expect(py.items[0].path).toBe("src/app.py");
    const stored = await t.db.snippet.findMany({ where: { corpusId: corpus.id, language: "py" } });
    expect(stored.map((s) => s.content).join("\n")).toContain("def main(argv):");

    const events = await listEvents(t.db, jobTopic(jobId!), 0);
    const progress = events.filter((e) => e.type === "progress").map((e) => e.data as { done: number; total: number; message: string });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ done: 1000, total: 1000 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ type: "end", data: { status: "succeeded" } });
  });

  it("marks a zip bomb failed with its message after one attempt and writes no files or snippets", async () => {
    const { corpus, jobId } = await addCorpus(t.db, { source: zipBomb(tmp.path("bomb.zip")) });
    await runQueue();
    const c = await getCorpus(t.db, corpus.id);
    expect(c.status).toBe("failed");
    expect(c.error).toMatch(/zip bomb; nothing was imported/);
    expect(await rowCounts(corpus.id)).toEqual({ files: 0, snippets: 0 });
    const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId! } });
    expect(job).toMatchObject({ status: "failed", attempts: 1, errorKind: "unrecoverable" });
  });

  it("leaves nothing when the write fails half-way, and a second run completes it", async () => {
    const dir = tmp.path("many");
    fs.mkdirSync(dir);
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `m${i}.py`), `def f${i}(x):\n    y = x * ${i} + ${i * 7}\n    return y - ${i * 3}\n`);
    const { corpus } = await addCorpus(t.db, { source: dir }, { enqueue: false });
    const failing = ingestCorpus(t.db, corpus.id, {
      write: { chunkSize: 5, afterChunk: (written) => { if (written >= 15) throw new Error("disk full"); } },
    });
    await expect(failing).rejects.toThrow("disk full");
    const c = await getCorpus(t.db, corpus.id);
    expect(c.status).toBe("failed");
    expect(c.error).toMatch(/disk full.*Nothing was imported/);
    expect(await rowCounts(corpus.id)).toEqual({ files: 0, snippets: 0 });

    const report = await ingestCorpus(t.db, corpus.id);
    expect(report.snippets.kept).toBe(30);
    expect(await rowCounts(corpus.id)).toEqual({ files: 30, snippets: 30 });
    expect((await getCorpus(t.db, corpus.id)).status).toBe("ready");
  });

  it("excludes a pasted HumanEval solution and names the benchmark item it matches", async () => {
    const he = JSON.parse(fs.readFileSync("../shared/benchmarks/HumanEval.jsonl", "utf8").split("\n")[0]) as { task_id: string; prompt: string; canonical_solution: string };
    const dir = tmp.path("contaminated");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "close.py"), he.prompt + he.canonical_solution);
    fs.writeFileSync(path.join(dir, "app.py"), PROJECT["src/app.py"]);
    const { corpus } = await addCorpus(t.db, { source: dir, options: { benchmarks: [path.resolve("../shared/benchmarks/HumanEval.jsonl")] } }, { enqueue: false });
    const report = await ingestCorpus(t.db, corpus.id);
    expect(report.snippets.contaminated).toBeGreaterThanOrEqual(1);
    expect(report.contamination[0]).toMatchObject({ path: "close.py", benchmark: "HumanEval", itemId: "HumanEval/0" });
    const contents = (await t.db.snippet.findMany({ where: { corpusId: corpus.id } })).map((s) => s.content).join("\n");
    expect(contents).not.toContain("has_close_elements");
    expect(contents).toContain("def main(argv)");
  });

  it("skips a 2 GB file without reading it and imports the rest", async () => {
    const dir = writeProject(tmp.path("with-big"));
    fs.writeFileSync(path.join(dir, "big.py"), "");
    fs.truncateSync(path.join(dir, "big.py"), 2 * 1024 ** 3); // sparse: no disk used
    const { corpus } = await addCorpus(t.db, { source: dir }, { enqueue: false });
    const report = await ingestCorpus(t.db, corpus.id);
    expect(report.files.skippedByReason.too_large).toBe(1);
    expect(report.files.skippedFiles.find((f) => f.path === "big.py")?.message).toMatch(/over the per-file limit/);
    expect(await rowCounts(corpus.id)).toMatchObject({ files: 5 });
  });

  it("refuses a path that does not exist before writing a row", async () => {
    const before = await t.db.corpus.count();
    await expect(addCorpus(t.db, { source: tmp.path("nope") })).rejects.toMatchObject({ code: "not_found:source" });
    await expect(addCorpus(t.db, { source: tmp.path("project"), options: { benchmarks: [tmp.path("missing.jsonl")] } })).rejects.toMatchObject({ code: "not_found:source" });
    await expect(addCorpus(t.db, { source: tmp.path("project"), options: { maxTokens: 3 } })).rejects.toMatchObject({ code: "invalid:corpus_options" });
    // a server file that cannot be imported is refused the same way, before its row
    fs.writeFileSync(tmp.path("empty.jsonl"), "");
    await expect(addCorpus(t.db, { source: tmp.path("empty.jsonl") })).rejects.toMatchObject({ code: "invalid:upload", message: "empty.jsonl is empty: nothing was imported." });
    fs.writeFileSync(tmp.path("fake.zip"), "not a zip at all");
    await expect(addCorpus(t.db, { source: tmp.path("fake.zip") })).rejects.toMatchObject({ code: "invalid:archive", message: expect.stringContaining("fake.zip is not a valid zip archive") });
    fs.writeFileSync(tmp.path("code.jsonl"), `${JSON.stringify({ code: "x = 1" })}\n`);
    await expect(addCorpus(t.db, { source: tmp.path("code.jsonl") })).rejects.toMatchObject({ message: expect.stringMatching(/^code\.jsonl line 1: no "content" key \(the line has "code"\)/) });
    expect(await t.db.corpus.count()).toBe(before);
  });

  it("relabels a file's snippets, and deletes a corpus with its rows", async () => {
    const { corpus } = await addCorpus(t.db, { source: writeProject(tmp.path("relabel")) }, { enqueue: false });
    await ingestCorpus(t.db, corpus.id);
    const file = await t.db.corpusFile.findFirstOrThrow({ where: { corpusId: corpus.id, path: "src/util/strings.ts" } });
    const { snippets } = await relabelFile(t.db, corpus.id, file.id, "js");
    expect(snippets).toBeGreaterThan(0);
    const stats = await corpusLanguageStats(t.db, corpus.id);
    expect(stats.find((s) => s.language === "ts")).toBeUndefined();
    expect(stats.find((s) => s.language === "js")).toMatchObject({ files: 1, snippets });
    await expect(relabelFile(t.db, corpus.id, file.id, "cobol")).rejects.toMatchObject({ code: "invalid:language" });

    await deleteCorpus(t.db, corpus.id);
    expect(await rowCounts(corpus.id)).toEqual({ files: 0, snippets: 0 });
    await expect(getCorpus(t.db, corpus.id)).rejects.toMatchObject({ code: "not_found:corpus" });
  });
});
