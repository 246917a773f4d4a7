import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import { tempDir, writeProject, zipBomb } from "@/lib/corpora/testing/fixtures";

let t: TestDb;
const tmp = tempDir("corpus-cli-");
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); tmp.cleanup(); });

async function cli(...args: string[]) {
  const child = spawnCli(["corpus", ...args], { DATABASE_URL: t.url, DATA_DIR: tmp.path("data") });
  const code = await waitForExit(child, 90_000);
  return { code, out: child.output() };
}

describe("xinstruct corpus", () => {
  it("adds a real folder with decontamination, then lists and shows it", async () => {
    const dir = writeProject(tmp.path("project"));
    const he = JSON.parse(fs.readFileSync("../shared/benchmarks/HumanEval.jsonl", "utf8").split("\n")[2]) as { prompt: string; canonical_solution: string };
    fs.writeFileSync(path.join(dir, "src/truncate.py"), he.prompt + he.canonical_solution);
    const add = await cli("add", dir, "--name", "demo", "--max-tokens", "256", "--benchmark", "../shared/benchmarks/HumanEval.jsonl");
    expect(add.out).toMatch(/corpus \S+ "demo" ready/);
    expect(add.code).toBe(0);
    expect(add.out).toContain("files: 8 seen, 6 imported, 2 skipped");
    expect(add.out).toContain("1 contaminated");
    expect(add.out).toMatch(/contaminated: src\/truncate.py:\d+ matches HumanEval HumanEval\/2 \(prompt substring\)/);
    const id = /corpus (\S+) "demo"/.exec(add.out)![1];
    const row = await t.db.corpus.findUniqueOrThrow({ where: { id }, include: { _count: { select: { snippets: true, files: true } } } });
    expect(row).toMatchObject({ status: "ready", _count: { files: 6 } });

    const list = await cli("list");
    expect(list.code).toBe(0);
    expect(list.out).toMatch(new RegExp(`${id}\\s+demo\\s+ready\\s+6\\s+${row._count.snippets}`));

    const show = await cli("show", id);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/Python\s+2 files\s+1 snippets/);
    expect(show.out).toContain("benchmarks: HumanEval");
  });

  it("fails a zip bomb with its message and exit code 1, leaving a failed corpus with no rows", async () => {
    const res = await cli("add", zipBomb(tmp.path("bomb.zip")), "--name", "bomb");
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/error: .*zip bomb; nothing was imported/);
    const row = await t.db.corpus.findFirstOrThrow({ where: { name: "bomb" } });
    expect(row.status).toBe("failed");
    expect(await t.db.snippet.count({ where: { corpusId: row.id } })).toBe(0);
    expect(await t.db.corpusFile.count({ where: { corpusId: row.id } })).toBe(0);
  });

  it("refuses a missing path and a bad option without creating a corpus", async () => {
    const before = await t.db.corpus.count();
    const missing = await cli("add", tmp.path("nope"));
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/error: No file or folder at/);
    const bad = await cli("add", tmp.path("project"), "--language", "x.py=cobol");
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/--language takes PATH=LANGUAGE/);
    expect(await t.db.corpus.count()).toBe(before);
  });
});
