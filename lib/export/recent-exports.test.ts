import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { datasetKind, listExportedDatasets } from "./recent-exports";

const dir = mkdtempSync(path.join(os.tmpdir(), "xi-exports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string) {
  const file = path.join(dir, "exports", rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe("the exports the training form offers as datasets", () => {
  it("lists the SFT and DPO files of the newest exports first, and nothing the trainer cannot read", async () => {
    const older = write("20261201-100000-aaaaaa/data/train-00000-of-00001.jsonl", `${JSON.stringify({ messages: [{ role: "user", content: "x" }] })}\n`);
    const sft = write("20261204-100000-bbbbbb/data/sft/train-00000-of-00001.jsonl", `${JSON.stringify({ messages: [] })}\n`);
    const dpo = write("20261204-100000-bbbbbb/data/dpo/train-00000-of-00001.jsonl", `${JSON.stringify({ prompt: "p", chosen: "a", rejected: "b" })}\n`);
    write("20261203-100000-cccccc/data/train-00000-of-00001.jsonl", `${JSON.stringify({ instruction: "i", output: "o" })}\n`); // alpaca
    write("not-an-export/data/x.jsonl", `${JSON.stringify({ messages: [] })}\n`);
    const found = await listExportedDatasets(dir);
    expect(new Map(found.map((f) => [f.path, f.kind]))).toEqual(new Map([[sft, "sft"], [dpo, "dpo"], [older, "sft"]]));
    expect(found.at(-1)!.path).toBe(older); // the newest export first
    expect(found.map((f) => f.exportId)).toEqual(["20261204-100000-bbbbbb", "20261204-100000-bbbbbb", "20261201-100000-aaaaaa"]);
  });

  it("reads the kind from a file's first line", () => {
    expect(datasetKind('{"messages":[{"role":"user","content":"q"}]}')).toBe("sft");
    expect(datasetKind('{"prompt":"p","chosen":"a","rejected":"b"}')).toBe("dpo");
    expect(datasetKind('{"instruction":"i","output":"o"}')).toBeNull();
    expect(datasetKind("not json")).toBeNull();
  });

  it("is empty when nothing was exported", async () => {
    expect(await listExportedDatasets(path.join(dir, "nothing-here"))).toEqual([]);
  });
});
