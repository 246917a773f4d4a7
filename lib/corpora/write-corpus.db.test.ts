import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { ingestSource } from "@/lib/pipeline/ingest";
import { snippetRowId, writeIngestResult } from "./write-corpus";
import { tempDir } from "./testing/fixtures";

let t: TestDb;
const tmp = tempDir("write-corpus-");
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); tmp.cleanup(); });

async function resultOf(n: number) {
  for (let i = 0; i < n; i++) tmp.write(`src${n}/m${i}.py`, `def f${i}(x):\n    y = x * ${i} + ${i * 13}\n    return y - ${i * 5}\n`);
  return ingestSource(tmp.path(`src${n}`), { dedup: false });
}

describe("writeIngestResult", () => {
  it("stores every kept snippet with its file, lines and hash, in extraction order", async () => {
    const result = await resultOf(25);
    const corpus = await t.db.corpus.create({ data: { name: "w", source: "w", status: "ingesting" } });
    await writeIngestResult(t.db, corpus.id, result, { chunkSize: 7 });
    const rows = await t.db.snippet.findMany({ where: { corpusId: corpus.id }, orderBy: { id: "asc" }, include: { file: true } });
    expect(rows.map((r) => [r.content, r.file?.path, r.startLine, r.endLine, r.hash, r.tokens])).toEqual(
      result.snippets.map((s) => [s.content, s.path, s.startLine, s.endLine, s.hash, s.tokens]),
    );
    expect(rows[10].id).toBe(snippetRowId(corpus.id, 10));
    const stored = await t.db.corpus.findUniqueOrThrow({ where: { id: corpus.id } });
    expect(stored.status).toBe("ready");
    expect(stored.report).toEqual(JSON.parse(JSON.stringify(result.report)));
  });

  it("a rolled-back write takes no other write of this process with it", async () => {
    const result = await resultOf(30);
    const corpus = await t.db.corpus.create({ data: { name: "r", source: "r", status: "ingesting" } });
    let other: Promise<unknown> | null = null;
    const write = writeIngestResult(t.db, corpus.id, result, {
      chunkSize: 5,
      afterChunk: (n) => {
        // Another job of the same worker writes while the import is being written…
        if (n === 10) other = t.db.setting.create({ data: { key: "written-meanwhile", value: "1" } });
        if (n === 20) throw new Error("disk full");
      },
    });
    await expect(write).rejects.toThrow("disk full");
    await other;
    // …the import is rolled back, and that other write is not.
    expect(await t.db.snippet.count({ where: { corpusId: corpus.id } })).toBe(0);
    expect(await t.db.corpusFile.count({ where: { corpusId: corpus.id } })).toBe(0);
    expect(await t.db.setting.findUnique({ where: { key: "written-meanwhile" } })).not.toBeNull();
  });
});
