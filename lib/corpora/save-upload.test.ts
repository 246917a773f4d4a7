import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { safeUploadName, saveUpload } from "./save-upload";
import { tempDir } from "./testing/fixtures";

const t = tempDir("upload-");
afterAll(() => t.cleanup());

/** A body that arrives in chunks, as a request body does; counts what was pulled. */
function chunked(size: number, chunk = 64 * 1024) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= size) return c.close();
      const n = Math.min(chunk, size - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(97));
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => sent };
}

const leftovers = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe("saveUpload", () => {
  it("streams the body to a file named after the upload", async () => {
    const body = chunked(1_000_000);
    const saved = await saveUpload(body.stream, { dir: t.path("ok"), filename: "my repo.py", maxBytes: 2_000_000, expectedBytes: 1_000_000 });
    expect(saved).toMatchObject({ name: "my_repo.py", bytes: 1_000_000 });
    expect(fs.statSync(saved.path).size).toBe(1_000_000);
  });

  it("stops reading at the cap and leaves no partial file", async () => {
    const body = chunked(10_000_000);
    await expect(saveUpload(body.stream, { dir: t.path("cap"), filename: "big.jsonl", maxBytes: 1_000_000 })).rejects.toMatchObject({ code: "too_large:upload", status: 413 });
    expect(body.pulled()).toBeLessThan(1_500_000);
    expect(leftovers(t.path("cap"))).toEqual([]);
  });

  it("refuses a declared size over the cap after reading only the first bytes", async () => {
    const body = chunked(10_000_000);
    await expect(saveUpload(body.stream, { dir: t.path("declared"), filename: "x.py", maxBytes: 5, expectedBytes: 10_000_000 })).rejects.toMatchObject({ code: "too_large:upload" });
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(leftovers(t.path("declared"))).toEqual([]);
  });

  it("sniffs the magic bytes before the size policy: random bytes named .tar.gz are not a valid archive, even over the cap", async () => {
    const body = chunked(10_000_000);
    await expect(saveUpload(body.stream, { dir: t.path("random"), filename: "random.tar.gz", maxBytes: 1000, expectedBytes: 10_000_000 })).rejects.toMatchObject({ code: "invalid:archive", status: 400, message: expect.stringContaining("random.tar.gz is not a valid tar.gz archive") });
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(leftovers(t.path("random"))).toEqual([]);
    // a short file is sniffed whole; a real gzip header passes
    await expect(saveUpload(new Blob(["PK but not a zip"]).stream(), { dir: t.path("random"), filename: "a.zip", maxBytes: 1000 })).rejects.toMatchObject({ code: "invalid:archive" });
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect((await saveUpload(new Blob([gz]).stream(), { dir: t.path("gz"), filename: "a.tgz", maxBytes: 1000 })).bytes).toBe(10);
  });

  it("refuses a body shorter than its Content-Length (a proxy or a dropped connection cut it)", async () => {
    await expect(saveUpload(chunked(500).stream, { dir: t.path("short"), filename: "x.py", maxBytes: 10_000, expectedBytes: 800 })).rejects.toMatchObject({ code: "invalid:upload", message: expect.stringContaining("500 of 800") });
    expect(leftovers(t.path("short"))).toEqual([]);
  });

  it("refuses an empty upload at once, leaving nothing behind", async () => {
    await expect(saveUpload(null, { dir: t.path("empty"), filename: "empty.zip", maxBytes: 10 })).rejects.toMatchObject({ code: "invalid:upload", message: "empty.zip is empty: nothing was imported." });
    expect(leftovers(t.path("empty"))).toEqual([]);
  });

  it("never lets a file name leave its folder", () => {
    expect(safeUploadName("../../etc/passwd")).toBe("passwd");
    expect(safeUploadName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(safeUploadName("..")).toBe("upload");
    expect(safeUploadName(".bashrc")).toBe("bashrc");
    expect(path.basename(safeUploadName("a/b/c d.tar.gz"))).toBe("c_d.tar.gz");
  });
});
