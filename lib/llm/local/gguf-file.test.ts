import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TINY_MODEL_PATH } from "./test-model";
import { checkGgufFile } from "./gguf-file";

const dir = mkdtempSync(path.join(tmpdir(), "xi-gguf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checkGgufFile", () => {
  it("accepts a real GGUF model and gives its absolute path and size", async () => {
    const f = await checkGgufFile(path.relative(process.cwd(), TINY_MODEL_PATH));
    expect(f.path).toBe(TINY_MODEL_PATH);
    expect(f.sizeBytes).toBeGreaterThan(1_000_000);
  });

  it("says what is wrong with a missing file, a directory, or a file that is not GGUF", async () => {
    await expect(checkGgufFile(path.join(dir, "nope.gguf"))).rejects.toMatchObject({ code: "invalid:model-path", message: expect.stringMatching(/^No file at .*nope\.gguf/) });
    await expect(checkGgufFile(dir)).rejects.toMatchObject({ code: "invalid:model-path", message: expect.stringMatching(/is a directory/) });
    const fake = path.join(dir, "model.gguf");
    writeFileSync(fake, "PK\u0003\u0004 this is a zip, not a model");
    await expect(checkGgufFile(fake)).rejects.toMatchObject({ code: "invalid:model-path", message: expect.stringMatching(/is not a GGUF model file/) });
    const empty = path.join(dir, "empty.gguf");
    writeFileSync(empty, "");
    await expect(checkGgufFile(empty)).rejects.toMatchObject({ message: expect.stringMatching(/is not a GGUF model file/) });
  });
});

describe("inspectLocalModel", () => {
  it("reads the architecture and training context from the GGUF header, without loading the model", async () => {
    const { inspectLocalModel } = await import("./inspect-local-model");
    expect(await inspectLocalModel(TINY_MODEL_PATH)).toMatchObject({ path: TINY_MODEL_PATH, architecture: "llama", contextLength: 4096, hasChatTemplate: false });
    await expect(inspectLocalModel(path.join(dir, "nope.gguf"))).rejects.toMatchObject({ code: "invalid:model-path" });
  });
});
