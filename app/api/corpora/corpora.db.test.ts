import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { startWorker } from "@/lib/jobs/worker";
import { makeZip, projectZip, tempDir, zipBomb } from "@/lib/corpora/testing/fixtures";
import * as corpora from "@/app/api/corpora/route";
import * as upload from "@/app/api/corpora/upload/route";
import * as one from "@/app/api/corpora/[id]/route";
import * as snippets from "@/app/api/corpora/[id]/snippets/route";
import * as snippet from "@/app/api/corpora/[id]/snippets/[snippetId]/route";
import * as files from "@/app/api/corpora/[id]/files/route";
import * as file from "@/app/api/corpora/[id]/files/[fileId]/route";
import * as benchmarks from "@/app/api/corpora/benchmarks/route";

let t: TestDb;
const tmp = tempDir("corpora-api-");
beforeAll(async () => { t = await createAppTestDb({ DATA_DIR: tmp.path("data") }); });
afterAll(async () => { await t.cleanup(); tmp.cleanup(); });

const url = (p: string) => `http://127.0.0.1${p}`;
const none = undefined as never;
const ctx = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

/** Uploads a file the way the browser does: the raw bytes as the body, name and options in the query. */
async function uploadFile(bytes: Buffer, filename: string, options?: object, headers: Record<string, string> = {}) {
  const q = new URLSearchParams({ filename, ...(options ? { options: JSON.stringify(options) } : {}) });
  const req = new NextRequest(url(`/api/corpora/upload?${q}`), { method: "POST", body: new Uint8Array(bytes), headers: { "content-length": String(bytes.length), ...headers } });
  const res = await upload.POST(req, none);
  return { status: res.status, body: await res.json() };
}

async function runQueue() {
  await startWorker({ db: t.db, concurrency: 1, leaseMs: 10_000, exitWhenIdle: true, types: ["corpus.ingest"] }).done;
}

const uploadsLeft = () => (fs.existsSync(tmp.path("data/uploads")) ? fs.readdirSync(tmp.path("data/uploads")) : []);

async function get(handler: (req: NextRequest, ctx: never) => Promise<Response>, path: string, params: Record<string, string>) {
  const res = await handler(new NextRequest(url(path)), ctx(params) as never);
  return { status: res.status, body: await res.json() };
}

describe("corpus upload API", () => {
  it("imports an uploaded zip of real code and serves its languages, files and snippets", async () => {
    const zip = fs.readFileSync(projectZip(tmp.path("project.zip")));
    const up = await uploadFile(zip, "project.zip", { maxTokens: 512 });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ corpus: { name: "project", status: "pending" }, bytes: zip.length });
    await runQueue();
    const id = up.body.corpus.id as string;

    const detail = await get(one.GET, `/api/corpora/${id}`, { id });
    expect(detail.body.corpus).toMatchObject({ status: "ready", source: "upload:project.zip", files: 5, options: { maxTokens: 512 } });
    expect(JSON.stringify(detail.body)).not.toContain(tmp.dir); // the temp path stays on the server
    expect(detail.body.languages.map((l: { language: string }) => l.language).sort()).toEqual(["java", "php", "py", "sh", "ts"]);
    expect(uploadsLeft()).toEqual([]); // the upload is removed once imported

    const list = await get(snippets.GET, `/api/corpora/${id}/snippets?language=py`, { id });
    expect(list.body.total).toBeGreaterThan(0);
    const first = list.body.items[0];
    const full = await get(snippet.GET, `/api/corpora/${id}/snippets/${first.id}`, { id, snippetId: first.id });
    expect(full.body.snippet.content).toContain("def main(argv)");

    const fileList = await get(files.GET, `/api/corpora/${id}/files`, { id });
    const ts = fileList.body.items.find((f: { path: string }) => f.path === "src/util/strings.ts");
    const res = await file.PATCH(new NextRequest(url(`/api/corpora/${id}/files/${ts.id}`), { method: "PATCH", body: JSON.stringify({ language: "js" }), headers: { "content-type": "application/json" } }), ctx({ id, fileId: ts.id }) as never);
    expect(await res.json()).toEqual({ snippets: ts.snippets });
    const after = await get(one.GET, `/api/corpora/${id}`, { id });
    expect(after.body.languages.map((l: { language: string }) => l.language).sort()).toEqual(["java", "js", "php", "py", "sh"]);
  });

  it("an empty upload is refused at once with no corpus created and nothing left", async () => {
    const before = await t.db.corpus.count();
    const up = await uploadFile(Buffer.alloc(0), "empty.zip");
    expect(up.status).toBe(400);
    expect(up.body.error.message).toBe("empty.zip is empty: nothing was imported.");
    expect(await t.db.corpus.count()).toBe(before);
    expect(uploadsLeft()).toEqual([]);
  });

  it("a zip bomb ends as a failed corpus with the zip-bomb message, with nothing written", async () => {
    const up = await uploadFile(fs.readFileSync(zipBomb(tmp.path("bomb.zip"))), "bomb.zip");
    await runQueue();
    const id = up.body.corpus.id as string;
    const { body } = await get(one.GET, `/api/corpora/${id}`, { id });
    expect(body.corpus).toMatchObject({ status: "failed", files: 0, snippets: 0 });
    expect(body.corpus.error).toMatch(/zip bomb/);
    expect(await t.db.snippet.count({ where: { corpusId: id } })).toBe(0);
  });

  it("a zip of only unsafe and binary entries fails with each reason counted", async () => {
    const zip = makeZip(tmp.path("bad.zip"), [{ name: "../../etc/evil.py", data: "print(1)\n" }, { name: "blob.py", data: "\u0000\u0001binary" }]);
    const up = await uploadFile(fs.readFileSync(zip), "bad.zip");
    await runQueue();
    const id = up.body.corpus.id as string;
    const { body } = await get(one.GET, `/api/corpora/${id}`, { id });
    expect(body.corpus.status).toBe("failed");
    expect(body.corpus.error).toMatch(/every file was skipped \(.*1 unsafe path.*1 binary|1 binary.*1 unsafe path/);
    expect(body.corpus.error).toMatch(/\. First: .+/); // the first skipped file's reason in words
  });

  it("imports a JSONL dump and counts its malformed lines with their line numbers", async () => {
    const lines = [
      JSON.stringify({ path: "a.py", content: "def add(a, b):\n    return a + b\n" }),
      "{not json",
      JSON.stringify({ language: "JavaScript", content: "function twice(x) {\n  return 2 * x;\n}\n" }),
      JSON.stringify({ path: "c.py" }),
    ];
    const up = await uploadFile(Buffer.from(lines.join("\n")), "dump.jsonl");
    await runQueue();
    const id = up.body.corpus.id as string;
    const { body } = await get(one.GET, `/api/corpora/${id}`, { id });
    expect(body.corpus).toMatchObject({ status: "ready", files: 2, snippets: 2 });
    expect(body.corpus.report.files.skippedByReason).toEqual({ malformed_jsonl: 2 });
    expect(body.corpus.report.files.skippedFiles.map((f: { path: string }) => f.path)).toEqual(["dump.jsonl:2", "dump.jsonl:4"]);
  });

  it("refuses uploads it cannot take with a clear 4xx and creates no corpus", async () => {
    const before = await t.db.corpus.count();
    const noName = await upload.POST(new NextRequest(url("/api/corpora/upload"), { method: "POST", body: "x" }), none);
    expect(noName.status).toBe(400);
    expect((await noName.json()).error.message).toMatch(/filename/);
    const huge = await uploadFile(Buffer.from("x"), "big.py", undefined, { "content-length": String(3 * 1024 ** 3) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("too_large:upload");
    // what the first bytes say comes before the size policy: random bytes named .tar.gz are not an archive
    const fake = await uploadFile(crypto.randomBytes(4096), "random.tar.gz", undefined, { "content-length": String(3 * 1024 ** 3) });
    expect(fake.status).toBe(400);
    expect(fake.body.error).toMatchObject({ code: "invalid:archive", message: expect.stringContaining("random.tar.gz is not a valid tar.gz archive") });
    const smallFake = await uploadFile(crypto.randomBytes(4096), "random.tgz");
    expect(smallFake.body.error.code).toBe("invalid:archive");
    // a JSONL whose first line has "code" instead of "content": the line, the key and the accepted keys
    const code = await uploadFile(Buffer.from(`\n${JSON.stringify({ code: "x = 1", language: "py" })}\n`), "code.jsonl");
    expect(code.status).toBe(400);
    expect(code.body.error.message).toBe('code.jsonl line 2: no "content" key (the line has "code", "language"); each line is a JSON object with "content" (the code, required), "language" (e.g. "py", optional) and "path" (optional). Nothing was imported.');
    const badOptions = await uploadFile(Buffer.from("def f():\n    return 1\n"), "a.py", { nearThreshold: 7 });
    expect(badOptions.status).toBe(400);
    expect(await t.db.corpus.count()).toBe(before);
    expect(uploadsLeft()).toEqual([]);
  });
});

describe("corpus API: from a server path", () => {
  it("answers a missing path with 404 and no row; lists corpora and configured benchmarks", async () => {
    const before = await t.db.corpus.count();
    const res = await corpora.POST(new NextRequest(url("/api/corpora"), { method: "POST", body: JSON.stringify({ source: tmp.path("missing") }), headers: { "content-type": "application/json" } }), none);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found:source");
    expect(await t.db.corpus.count()).toBe(before);

    const listed = await (await corpora.GET(new NextRequest(url("/api/corpora")), none)).json();
    expect(listed.corpora.length).toBe(before);

    fs.mkdirSync(tmp.path("data/benchmarks/multipl-e"), { recursive: true });
    fs.copyFileSync("../shared/benchmarks/multipl-e/humaneval-py.jsonl", tmp.path("data/benchmarks/multipl-e/humaneval-py.jsonl"));
    const b = await (await benchmarks.GET(new NextRequest(url("/api/corpora/benchmarks")), none)).json();
    expect(b.files.map((f: { name: string }) => f.name)).toEqual(["multipl-e/humaneval-py.jsonl"]);
  });
});
