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
    const saved = await saveUpload(body.stream, { dir: t.path("ok"), filename: "my repo.zip", maxBytes: 2_000_000, expectedBytes: 1_000_000 });
    expect(saved).toMatchObject({ name: "my_repo.zip", bytes: 1_000_000 });
    expect(fs.statSync(saved.path).size).toBe(1_000_000);
  });

  it("stops reading at the cap and leaves no partial file", async () => {
    const body = chunked(10_000_000);
    await expect(saveUpload(body.stream, { dir: t.path("cap"), filename: "big.jsonl", maxBytes: 1_000_000 })).rejects.toMatchObject({ code: "too_large:upload", status: 413 });
    expect(body.pulled()).toBeLessThan(1_500_000);
    expect(leftovers(t.path("cap"))).toEqual([]);
  });

  it("refuses a declared size over the cap before reading anything", async () => {
    const body = chunked(10);
    await expect(saveUpload(body.stream, { dir: t.path("declared"), filename: "x.zip", maxBytes: 5, expectedBytes: 10 })).rejects.toMatchObject({ code: "too_large:upload" });
    expect(body.pulled()).toBe(0);
  });

  it("refuses a body shorter than its Content-Length (a proxy or a dropped connection cut it)", async () => {
    await expect(saveUpload(chunked(500).stream, { dir: t.path("short"), filename: "x.zip", maxBytes: 10_000, expectedBytes: 800 })).rejects.toMatchObject({ code: "invalid:upload", message: expect.stringContaining("500 of 800") });
    expect(leftovers(t.path("short"))).toEqual([]);
  });

  it("keeps an empty upload as an empty file (the import then says it is empty)", async () => {
    const saved = await saveUpload(null, { dir: t.path("empty"), filename: "empty.zip", maxBytes: 10 });
    expect(saved.bytes).toBe(0);
    expect(fs.statSync(saved.path).size).toBe(0);
  });

  it("never lets a file name leave its folder", () => {
    expect(safeUploadName("../../etc/passwd")).toBe("passwd");
    expect(safeUploadName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(safeUploadName("..")).toBe("upload");
    expect(safeUploadName(".bashrc")).toBe("bashrc");
    expect(path.basename(safeUploadName("a/b/c d.tar.gz"))).toBe("c_d.tar.gz");
  });
});
