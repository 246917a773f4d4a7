import { expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";

let t: TestDb;
let tmp: string;
useTestDbWithDir("xi-cli-samples-", (f) => { t = f.t; tmp = f.dir; });

async function cli(...args: string[]): Promise<string> {
  const p = spawnCli(args, { DATABASE_URL: t.url });
  const code = await waitForExit(p, 120_000);
  expect(code, p.output()).toBe(0);
  return p.output();
}

it("imports JSONL, curates from the shell, and exports the accepted samples", async () => {
  const file = path.join(tmp, "in.jsonl");
  writeFileSync(file, [
    JSON.stringify({ instruction: "Double a number.", solution: "def double(x):\n    return 2 * x", language: "py" }),
    JSON.stringify({ instruction: "Negate a number.", solution: "x => -x", language: "js" }),
    JSON.stringify({ prompt: "Halve it.", chosen: "x / 2", rejected: "x * 2", language: "js" }),
  ].join("\n"));
  expect(await cli("samples", "import", file, "--run", "shell-run")).toMatch(/2 samples and 1 DPO pairs imported into run shell-run/);
  expect(await cli("samples", "curate", "accept", "--run", "shell-run", "--filter", "language=py")).toMatch(/^1 sample\(s\) accepted/m);
  const listed = (await cli("samples", "list", "--run", "shell-run", "--json")).trim().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
  expect(listed.map((r) => [r.language, r.curation]).sort()).toEqual([["js", "pending"], ["py", "accepted"]]);
  const out = path.join(tmp, "out");
  const printed = await cli("export", "--run", "shell-run", "--format", "llamafactory", "--out", out);
  expect(printed).toMatch(/samples: 1, dpo pairs: 1, dedup: 0 duplicate\(s\) removed of 1 \(exact 0, near instruction 0, near code 0\), decontamination: not configured/);
  const sft = readFileSync(path.join(out, "data/sft/train-00000-of-00001.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  expect(sft.map((r) => r.messages[0].content)).toEqual(["Double a number."]);
  expect(JSON.parse(readFileSync(path.join(out, "dataset_info.json"), "utf8"))).toHaveProperty("shell_run_dpo.ranking", true);
  const bad = spawnCli(["export", "--all", "--filter", "colour=red", "--out", path.join(tmp, "x")], { DATABASE_URL: t.url });
  expect(await waitForExit(bad)).toBe(1);
  expect(bad.output()).toMatch(/colour: unknown key/);
});

it("export leaves out samples whose own tests fail unless --include-failing", async () => {
  const file = path.join(tmp, "verdicts.jsonl");
  writeFileSync(file, [
    JSON.stringify({ instruction: "Passes.", solution: "pass", language: "py", verdict: "ok" }),
    JSON.stringify({ instruction: "Throws.", solution: "raise", language: "py", verdict: "exception" }),
  ].join("\n"));
  await cli("samples", "import", file, "--run", "verdict-run");
  const texts = (dir: string) => readFileSync(path.join(dir, "data/train-00000-of-00001.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).messages[0].content).sort();
  const plain = path.join(tmp, "plain");
  expect(await cli("export", "--run", "verdict-run", "--filter", "curation=all", "--out", plain)).toMatch(/samples: 1, dpo pairs: 0, failing own tests: 1 excluded/);
  expect(texts(plain)).toEqual(["Passes."]);
  expect(readFileSync(path.join(plain, "README.md"), "utf8")).toContain("1 sample(s) excluded because their own tests fail (exception: 1).");
  const all = path.join(tmp, "all");
  expect(await cli("export", "--run", "verdict-run", "--filter", "curation=all", "--include-failing", "--out", all)).toMatch(/samples: 2, dpo pairs: 0, failing own tests: 1 included/);
  expect(texts(all)).toEqual(["Passes.", "Throws."]);
});

it("export drops duplicate samples by default and keeps them with --no-dedup", async () => {
  const file = path.join(tmp, "dups.jsonl");
  const task = { instruction: "Return the larger of two integers, or the first when they are equal.", solution: "def larger(a, b):\n    return a if a >= b else b", language: "py" };
  writeFileSync(file, [task, { ...task, instruction: `${task.instruction}  ` }, { instruction: "Reverse a string.", solution: "def rev(s):\n    return s[::-1]", language: "py" }].map((r) => JSON.stringify(r)).join("\n"));
  await cli("samples", "import", file, "--run", "dup-run");
  const rows = (dir: string) => readFileSync(path.join(dir, "data/train-00000-of-00001.jsonl"), "utf8").trim().split("\n").length;
  const deduped = path.join(tmp, "deduped");
  expect(await cli("export", "--run", "dup-run", "--filter", "curation=all", "--out", deduped)).toMatch(/samples: 2, dpo pairs: 0, dedup: 1 duplicate\(s\) removed of 3 \(exact 1, near instruction 0, near code 0\)/);
  expect(rows(deduped)).toBe(2);
  expect(readFileSync(path.join(deduped, "README.md"), "utf8")).toContain("3 sample(s) checked, **1 removed**");
  const kept = path.join(tmp, "kept");
  expect(await cli("export", "--run", "dup-run", "--filter", "curation=all", "--no-dedup", "--out", kept)).toMatch(/samples: 3, dpo pairs: 0, dedup: off/);
  expect(rows(kept)).toBe(3);
});
