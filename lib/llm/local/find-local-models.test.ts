import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findLocalModels } from "./find-local-models";
import { TINY_MODEL_PATH } from "./test-model";

const dir = mkdtempSync(path.join(tmpdir(), "xi-models-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("findLocalModels", () => {
  it("finds the real GGUF files in the models dir, by name, and skips what is not one", async () => {
    copyFileSync(TINY_MODEL_PATH, path.join(dir, "tiny.gguf"));
    copyFileSync(TINY_MODEL_PATH, path.join(dir, "Another.GGUF"));
    writeFileSync(path.join(dir, "broken.gguf"), "<html>404</html>");
    writeFileSync(path.join(dir, "notes.txt"), "GGUF");
    mkdirSync(path.join(dir, "dir.gguf"));
    copyFileSync(TINY_MODEL_PATH, path.join(dir, "big-00001-of-00002.gguf"));
    copyFileSync(TINY_MODEL_PATH, path.join(dir, "big-00002-of-00002.gguf"));
    expect(await findLocalModels(dir)).toEqual([
      { path: path.join(dir, "Another.GGUF"), name: "Another" },
      { path: path.join(dir, "big-00001-of-00002.gguf"), name: "big-00001-of-00002" },
      { path: path.join(dir, "tiny.gguf"), name: "tiny" },
    ]);
  });

  it("finds nothing where there is no models dir", async () => {
    expect(await findLocalModels(path.join(dir, "missing"))).toEqual([]);
  });
});
