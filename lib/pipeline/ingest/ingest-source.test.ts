import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBenchmarkFile } from "./benchmarks";
import { buildContaminationIndex } from "./decontaminate";
import { ingestSource } from "./ingest-source";
import { PROJECT, sh, tempDir } from "./testing/fixtures";
import type { IngestResult } from "./types";

const t = tempDir();
beforeAll(() => {
  for (const [rel, content] of Object.entries(PROJECT)) t.write(`project/${rel}`, content);
  t.write("project/node_modules/dep/index.js", "module.exports = 1;\n");
  fs.chmodSync(t.path("project/scripts/deploy"), 0o755);
});
afterAll(() => t.cleanup());

const EXPECTED_FILES = ["java/Main.java", "scripts/deploy", "src/app.py", "src/util/strings.ts", "web/index.php"];

function expectProject(r: IngestResult) {
  expect(r.files.map((f) => f.path).sort()).toEqual(EXPECTED_FILES);
  expect(Object.fromEntries(r.files.map((f) => [f.path, f.language]))).toEqual({
    "java/Main.java": "java",
    "scripts/deploy": "sh",
    "src/app.py": "py",
    "src/util/strings.ts": "ts",
    "web/index.php": "php",
  });
  expect(r.files.find((f) => f.path === "scripts/deploy")?.languageSource).toBe("shebang");
  expect(r.report.files.skippedByReason).toMatchObject({ unsupported_language: 2 });
  expect(r.report.files.skippedFiles.map((s) => s.path).sort()).toEqual(expect.arrayContaining(["README.md", "hs/Main.hs"]));
  // each small file is one snippet with its full text
  const app = r.snippets.find((s) => s.path === "src/app.py")!;
  expect(app.content).toBe(PROJECT["src/app.py"].trimEnd());
  expect(app).toMatchObject({ language: "py", startLine: 1, endLine: 12, method: "whole" });
  expect(app.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(r.report.snippets.kept).toBe(r.snippets.length);
  expect(r.report.tokenHistogram.counts.reduce((a, b) => a + b, 0)).toBe(r.snippets.length);
  expect(r.report.languages.py).toEqual({ files: 1, snippets: 1, tokens: app.tokens });
}

describe("ingestSource: sources", () => {
  it("reads a folder, skipping other languages and node_modules", async () => {
    const r = await ingestSource(t.path("project"));
    expectProject(r);
    expect(r.report.source).toEqual({ kind: "folder", name: "project" });
    expect(r.report.files.skippedByReason.ignored_dir).toBe(1);
    expect(r.report.files.seen).toBe(7);
  });

  it("reads a .zip made by the zip CLI", async () => {
    sh("zip", ["-qr", t.path("project.zip"), "."], t.path("project"));
    const r = await ingestSource(t.path("project.zip"));
    expect(r.report.source.kind).toBe("zip");
    expectProject({ ...r, files: r.files.filter((f) => !f.path.startsWith("node_modules/")) });
  });

  it("reads .tar.gz and .tar made by the tar CLI", async () => {
    sh("tar", ["czf", t.path("project.tar.gz"), "--exclude=node_modules", "-C", t.path("project"), "."]);
    const gz = await ingestSource(t.path("project.tar.gz"));
    expect(gz.report.source.kind).toBe("tar.gz");
    expectProject(gz);
    sh("tar", ["cf", t.path("project.tar"), "--exclude=node_modules", "-C", t.path("project"), "."]);
    const plain = await ingestSource(t.path("project.tar"));
    expect(plain.report.source.kind).toBe("tar");
    expectProject(plain);
  });

  it("reads a single file", async () => {
    const r = await ingestSource(t.path("project/src/app.py"));
    expect(r.files).toEqual([expect.objectContaining({ path: "app.py", language: "py", languageSource: "extension" })]);
    expect(r.snippets).toHaveLength(1);
  });

  it("reads JSONL records with content, optional language and path", async () => {
    const lines = [
      { content: PROJECT["src/app.py"], language: "Python", path: "a/app.py" },
      { content: PROJECT["java/Main.java"] },
      { content: "main = putStrLn \"hi\"\n", language: "haskell" },
      { content: PROJECT["src/util/strings.ts"], path: "x/strings.ts" },
    ];
    const file = t.write("dump.jsonl", lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const r = await ingestSource(file);
    expect(r.files.map((f) => [f.path, f.language, f.languageSource])).toEqual([
      ["a/app.py", "py", "declared"],
      ["dump.jsonl:2", "java", "content"],
      ["x/strings.ts", "ts", "extension"],
    ]);
    expect(r.report.files.skippedFiles).toEqual([
      { path: "dump.jsonl:3", reason: "unsupported_language", message: 'dump.jsonl:3: declared language "haskell" is not supported' },
    ]);
  });

  it("reads the files tracked at HEAD of a git repository, not the working tree", async () => {
    const repo = t.path("repo");
    fs.mkdirSync(repo);
    const git = (...args: string[]) => sh("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], repo);
    git("init", "-q");
    fs.writeFileSync(`${repo}/lib.py`, "def one():\n    return 1\n");
    fs.writeFileSync(`${repo}/other.js`, "function two() {\n  return 2;\n}\n");
    fs.symlinkSync("lib.py", `${repo}/link.py`);
    // a blob much larger than one pipe chunk, between two small ones
    const big = Array.from({ length: 40_000 }, (_, i) => `value_${i} = ${i} * 3\n`).join("");
    fs.writeFileSync(`${repo}/big.py`, big);
    git("add", ".");
    git("commit", "-qm", "init");
    fs.writeFileSync(`${repo}/lib.py`, "def one():\n    return 'changed but not committed'\n");
    fs.writeFileSync(`${repo}/untracked.py`, "def three():\n    return 3\n");
    const r = await ingestSource(repo);
    expect(r.report.source.kind).toBe("git");
    expect(r.files.map((f) => f.path)).toEqual(["big.py", "lib.py", "other.js"]);
    expect(r.files[0].bytes).toBe(big.length);
    const bigParts = r.snippets.filter((s) => s.path === "big.py");
    expect(bigParts.map((s) => s.content).join("\n")).toBe(big.trimEnd());
    expect(r.snippets.find((s) => s.path === "lib.py")!.content).toBe("def one():\n    return 1");
    expect(r.report.files.skippedFiles).toEqual([expect.objectContaining({ path: "link.py", reason: "symlink" })]);
    // the working tree, on request
    const wt = await ingestSource(repo, { kind: "folder" });
    expect(wt.files.map((f) => f.path).sort()).toEqual(["big.py", "lib.py", "other.js", "untracked.py"]);
  });

  it("downloads an http URL to a temp file and reads it by its content", async () => {
    sh("zip", ["-qr", t.path("served.zip"), "src"], t.path("project"));
    const body = fs.readFileSync(t.path("served.zip"));
    const server = http.createServer((req, res) => {
      if (req.url === "/corpus.zip") res.end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tmp = tempDir("dl-");
    try {
      const r = await ingestSource(`${base}/corpus.zip`, { tempDir: tmp.dir });
      expect(r.report.source).toEqual({ kind: "url:zip", name: "corpus.zip" });
      expect(r.files.map((f) => f.path).sort()).toEqual(["src/app.py", "src/util/strings.ts"]);
      expect(fs.readdirSync(tmp.dir)).toEqual([]); // the download is removed
      await expect(ingestSource(`${base}/corpus.zip`, { tempDir: tmp.dir, limits: { maxDownloadBytes: 100 } })).rejects.toMatchObject({
        code: "too_large:download",
      });
      await expect(ingestSource(`${base}/missing.zip`, { tempDir: tmp.dir })).rejects.toMatchObject({ code: "unavailable:download", message: expect.stringContaining("404") });
      expect(fs.readdirSync(tmp.dir)).toEqual([]);
    } finally {
      server.close();
      tmp.cleanup();
    }
  });
});

describe("ingestSource: options and pipeline", () => {
  it("applies a per-file language override", async () => {
    const r = await ingestSource(t.path("project"), { languageOverrides: { "src/util/strings.ts": "js" } });
    expect(r.files.find((f) => f.path === "src/util/strings.ts")).toMatchObject({ language: "js", languageSource: "override" });
  });

  it("splits big files, drops duplicates and benchmark copies, and reports them", async () => {
    const he = (await loadBenchmarkFile("../shared/benchmarks/HumanEval.jsonl")).slice(0, 40);
    const big = he.slice(20).map((i) => i.prompt! + i.solution!).join("\n\n");
    const c = tempDir();
    try {
      c.write("big.py", big);
      c.write("copy_of_big.py", big.replace(/\n\n/g, "\n\n\n"));
      c.write("leak.py", `# found online\n${he[5].prompt}${he[5].solution}`);
      c.write("clean.py", PROJECT["src/app.py"]);
      const index = buildContaminationIndex(he);
      const progress: string[] = [];
      const r = await ingestSource(c.dir, { maxTokens: 256, contamination: index }, (p) => progress.push(p.phase));
      const bigSnippets = r.snippets.filter((s) => s.path === "big.py");
      // big.py holds benchmark problems 20..39 too: they are all contamination
      expect(bigSnippets).toEqual([]);
      expect(r.snippets.map((s) => s.path)).toEqual(["clean.py"]);
      expect(r.report.contamination.find((x) => x.path === "leak.py")).toMatchObject({ benchmark: "HumanEval", itemId: "HumanEval/5" });
      expect(r.report.snippets.contaminated).toBe(r.report.snippets.extracted - 1);
      expect(r.report.settings.benchmarks).toEqual(["HumanEval"]);
      expect(progress).toContain("decontaminating");
      expect(progress.at(-1)).toBe("done");

      // without decontamination, the copy is found as exact duplicates of big.py's snippets
      const d = await ingestSource(c.dir, { maxTokens: 256 });
      const copies = d.report.duplicates.filter((x) => x.path === "copy_of_big.py");
      expect(copies.length).toBeGreaterThan(3);
      expect(copies.every((x) => x.kind === "exact" && x.duplicateOf.path === "big.py")).toBe(true);
      expect(d.snippets.filter((s) => s.path === "big.py").every((s) => s.tokens <= 256 && s.method === "tree-sitter")).toBe(true);
      expect(d.report.snippets.exactDuplicates).toBe(copies.length);
    } finally {
      c.cleanup();
    }
  });
});
