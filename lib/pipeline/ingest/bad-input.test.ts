import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ingestSource } from "./ingest-source";
import { PROJECT, python, sh, tempDir } from "./testing/fixtures";

const t = tempDir("bad-");
afterAll(() => t.cleanup());
const GOOD = PROJECT["src/app.py"];

/** Python's zipfile writes what zip(1) refuses to: any entry name, symlink modes, stored sizes. */
const MAKE_ZIP = `
import sys, zipfile, json
out, entries = sys.argv[1], json.loads(sys.argv[2])
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for e in entries:
        info = zipfile.ZipInfo(e["name"])
        info.compress_type = zipfile.ZIP_DEFLATED
        if e.get("symlink"):
            info.create_system = 3
            info.external_attr = (0o120777 << 16)
        data = e["data"].encode() if "data" in e else b"\\0" * e["zeros"]
        z.writestr(info, data)
`;
const zip = (name: string, entries: object[]) => {
  python(MAKE_ZIP, t.path(name), JSON.stringify(entries));
  return t.path(name);
};

const MAKE_TAR = `
import sys, tarfile, json, io
out, mode, entries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with tarfile.open(out, mode) as tf:
    for e in entries:
        info = tarfile.TarInfo(e["name"])
        if "link" in e:
            info.type = tarfile.SYMTYPE if e.get("sym", True) else tarfile.LNKTYPE
            info.linkname = e["link"]
            tf.addfile(info)
        elif "fifo" in e:
            info.type = tarfile.FIFOTYPE
            tf.addfile(info)
        else:
            data = e["data"].encode() if "data" in e else b"\\0" * e["zeros"]
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
`;
const tar = (name: string, entries: object[], mode = "w:gz") => {
  python(MAKE_TAR, t.path(name), mode, JSON.stringify(entries));
  return t.path(name);
};

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("bad input: zip bombs and size limits", () => {
  it("stops a zip bomb whose headers lie about the size, while inflating", async () => {
    const file = zip("liar.zip", [{ name: "ok.py", data: GOOD }, { name: "bomb.py", zeros: 64 * 1024 * 1024 }]);
    // Rewrite bomb.py's uncompressed size to 1000 in its local and central headers.
    python(
      `import sys, struct
p = sys.argv[1]; b = bytearray(open(p, "rb").read())
for sig, off in ((b"PK\\x03\\x04", 22), (b"PK\\x01\\x02", 24)):
    i = b.find(sig)
    while i != -1:
        name_len = struct.unpack_from("<H", b, i + (26 if sig == b"PK\\x03\\x04" else 28))[0]
        name = bytes(b[i + (30 if sig == b"PK\\x03\\x04" else 46): ][:name_len])
        if name == b"bomb.py": struct.pack_into("<I", b, i + off, 1000)
        i = b.find(sig, i + 4)
open(p, "wb").write(b)`,
      file,
    );
    expect(fs.statSync(file).size).toBeLessThan(200_000);
    const e = await rejection(ingestSource(file, { limits: { maxFileBytes: 256 * 1024 * 1024 } }));
    expect(e.code).toBe("too_large:archive");
    expect(e.message).toMatch(/zip bomb/);
  });

  it("stops a zip of many highly compressed entries on the whole-archive ratio", async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}.py`, zeros: 1024 * 1024 }));
    const e = await rejection(ingestSource(zip("many.zip", entries)));
    expect(e.code).toBe("too_large:archive");
  });

  it("stops a tar.gz bomb on the bytes gunzip produces", async () => {
    const file = tar("bomb.tar.gz", [{ name: "zeros.py", zeros: 64 * 1024 * 1024 }]);
    const e = await rejection(ingestSource(file));
    expect(e).toMatchObject({ code: "too_large:archive", message: expect.stringContaining("bomb.tar.gz") });
  });

  it("stops when the total size passes the limit, even at a normal ratio", async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `def f${i}(x):\n    return x * ${i} + ${(i * 7919) % 1000}\n`).join("");
    const dir = tempDir();
    for (let i = 0; i < 5; i++) dir.write(`m${i}.py`, text);
    const e = await rejection(ingestSource(dir.dir, { limits: { maxTotalBytes: 2 * text.length } }));
    dir.cleanup();
    expect(e.code).toBe("too_large:upload");
  });

  it("skips a 2 GB file without reading it", async () => {
    const dir = tempDir();
    dir.write("small.py", GOOD);
    sh("truncate", ["-s", "2G", dir.path("huge.py")]);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const r = await ingestSource(dir.dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    expect(r.files.map((f) => f.path)).toEqual(["small.py"]);
    expect(r.report.files.skippedFiles).toEqual([{ path: "huge.py", reason: "too_large", message: "huge.py: 2048 MiB is over the per-file limit of 10 MiB" }]);
    // Given alone, there is nothing to import, and the reason says why.
    const e = await rejection(ingestSource(dir.path("huge.py")));
    expect(e.code).toBe("invalid:upload");
    expect(e.message).toContain("1 too large");
    dir.cleanup();
  });
});

describe("bad input: unsafe entries", () => {
  it("skips path traversal and absolute names in a zip, importing the rest", async () => {
    const file = zip("traversal.zip", [
      { name: "../evil.py", data: GOOD },
      { name: "ok/../../evil2.py", data: GOOD },
      { name: "/etc/evil3.py", data: GOOD },
      { name: "C:\\\\evil4.py", data: GOOD },
      { name: "pkg/good.py", data: GOOD },
    ]);
    const r = await ingestSource(file);
    expect(r.files.map((f) => f.path)).toEqual(["pkg/good.py"]);
    expect(r.report.files.skippedByReason).toEqual({ unsafe_path: 4 });
    expect(r.report.files.skippedFiles[0].message).toMatch(/unsafe entry path/);
  });

  it("skips path traversal, links and special files in a tar.gz", async () => {
    const file = tar("unsafe.tar.gz", [
      { name: "../evil.py", data: GOOD },
      { name: "/abs.py", data: GOOD },
      { name: "link.py", link: "/etc/passwd" },
      { name: "hard.py", link: "good.py", sym: false },
      { name: "pipe", fifo: true },
      { name: "good.py", data: GOOD },
    ]);
    const r = await ingestSource(file);
    expect(r.files.map((f) => f.path)).toEqual(["good.py"]);
    expect(r.report.files.skippedByReason).toEqual({ unsafe_path: 2, symlink: 2, special_file: 1 });
  });

  it("skips symlinks in a zip and in a folder", async () => {
    const r = await ingestSource(zip("links.zip", [{ name: "l.py", data: "/etc/passwd", symlink: true }, { name: "a.py", data: GOOD }]));
    expect(r.report.files.skippedFiles).toEqual([expect.objectContaining({ path: "l.py", reason: "symlink" })]);
    const dir = tempDir();
    dir.write("a.py", GOOD);
    fs.symlinkSync("/etc/passwd", dir.path("passwd.py"));
    fs.symlinkSync("/", dir.path("root"));
    const f = await ingestSource(dir.dir);
    dir.cleanup();
    expect(f.files.map((x) => x.path)).toEqual(["a.py"]);
    expect(f.report.files.skippedByReason).toEqual({ symlink: 2 });
  });
});

describe("bad input: file contents", () => {
  it("skips binary and non-UTF-8 files with their reason", async () => {
    const dir = tempDir();
    dir.write("good.py", GOOD);
    dir.write("image.py", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    dir.write("latin1.py", Buffer.from("# caf\xe9\nx = 1\n", "latin1"));
    dir.write("utf16.py", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("x = 1\n", "utf16le")]));
    dir.write("empty.py", "");
    const r = await ingestSource(dir.dir);
    dir.cleanup();
    expect(r.files.map((f) => f.path)).toEqual(["good.py"]);
    const reasons = Object.fromEntries(r.report.files.skippedFiles.map((s) => [s.path, s.reason]));
    expect(reasons).toEqual({ "image.py": "binary", "latin1.py": "not_utf8", "utf16.py": "binary", "empty.py": "empty_file" });
    expect(r.report.files.skippedFiles.find((s) => s.path === "latin1.py")!.message).toBe("latin1.py: not valid UTF-8 text (at byte 5)");
  });

  it("skips malformed JSONL lines with their line number and keeps the good ones", async () => {
    const lines = [
      JSON.stringify({ content: GOOD, path: "a.py" }),
      "{not json",
      "[1, 2]",
      JSON.stringify({ text: "no content field" }),
      JSON.stringify({ content: 42 }),
      "",
      JSON.stringify({ content: "x", language: 7 }),
    ];
    const file = t.write("bad.jsonl", Buffer.concat([Buffer.from(lines.join("\n") + "\n"), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from(`{"content": "${"y".repeat(3000)}"}\n`)]));
    const r = await ingestSource(file, { limits: { maxFileBytes: 2000 } });
    expect(r.files.map((f) => f.path)).toEqual(["a.py"]);
    expect(r.report.files.skippedFiles.map((s) => [s.path, s.reason])).toEqual([
      ["bad.jsonl:2", "malformed_jsonl"],
      ["bad.jsonl:3", "malformed_jsonl"],
      ["bad.jsonl:4", "malformed_jsonl"],
      ["bad.jsonl:5", "malformed_jsonl"],
      ["bad.jsonl:7", "malformed_jsonl"],
      ["bad.jsonl:8", "not_utf8"],
      ["bad.jsonl:9", "too_large"],
    ]);
    expect(r.report.files.skippedFiles[0].message).toMatch(/^bad\.jsonl line 2: not valid JSON/);
    expect(r.report.files.skippedFiles[2].message).toMatch(/^bad\.jsonl line 4: no "content" key \(the line has "[^"]+"\); each line is a JSON object with "content" \(the code, required\), "language"/);
  });
});

describe("bad input: empty and unreadable uploads fail as a whole", () => {
  it("rejects empty uploads of every kind", async () => {
    const emptyDir = tempDir();
    const cases = [
      t.write("empty.py", ""),
      emptyDir.dir,
      zip("empty.zip", []),
      tar("empty.tar.gz", []),
      t.write("blank.jsonl", "\n\n   \n"),
    ];
    for (const c of cases) {
      const e = await rejection(ingestSource(c));
      expect(e.code, c).toBe("invalid:upload");
      expect(e.message, c).toMatch(/empty/);
    }
    emptyDir.cleanup();
  });

  it("rejects an upload where every file is skipped, saying why", async () => {
    const dir = tempDir();
    dir.write("README.md", "# hi\n");
    dir.write("a.bin", Buffer.from([0, 1, 2, 3]));
    const e = await rejection(ingestSource(dir.dir));
    dir.cleanup();
    expect(e.code).toBe("invalid:upload");
    expect(e.message).toBe("Nothing to import from " + e.message.split("from ")[1]);
    expect(e.message).toMatch(/1 binary.*1 unsupported language|1 unsupported language.*1 binary/);
  });

  it("rejects damaged archives and missing paths", async () => {
    const damaged = t.write("damaged.zip", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]));
    expect((await rejection(ingestSource(damaged))).code).toBe("invalid:archive");
    const gz = t.write("damaged.tar.gz", Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(100, 3)]));
    expect((await rejection(ingestSource(gz))).code).toBe("invalid:archive");
    expect((await rejection(ingestSource(t.path("nope/nothing.zip")))).code).toBe("not_found:source");
  });

  it("gives no partial result: good files before a bomb are not returned", async () => {
    const entries = [...Array.from({ length: 20 }, (_, i) => ({ name: `ok${i}.py`, data: `def f${i}():\n    return ${i}\n` })), { name: "z.py", zeros: 64 * 1024 * 1024 }];
    const e = await rejection(ingestSource(zip("late-bomb.zip", entries), { limits: { maxFileBytes: 128 * 1024 * 1024 } }));
    expect(e.code).toBe("too_large:archive");
  });
});
