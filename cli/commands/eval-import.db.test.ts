import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import type { ScoreRow } from "@/lib/evals/score";
import { bigcodeFiles, writeMultiplEFolder } from "@/lib/evals/testing/import-fixtures";

let t: TestDb;
let tmp: string;
useTestDbWithDir("xi-cli-eval-import-", (f) => { t = f.t; tmp = f.dir; });

async function cli(...args: string[]): Promise<{ code: number | null; out: string }> {
  const p = spawnCli(args, { DATABASE_URL: t.url });
  const code = await waitForExit(p, 180_000);
  return { code, out: p.output() };
}

it("xinstruct eval import: a MultiPL-E folder, its pending programs run in the sandbox, the summary printed and stored", async () => {
  const dir = path.join(tmp, "multipl-e");
  writeMultiplEFolder(dir);
  const { code, out } = await cli("eval", "import", dir, "--format", "multipl-e", "--model", "santacoder", "--name", "santacoder MultiPL-E");
  expect(code, out).toBe(0);
  expect(out).toMatch(/multipl-e\s+js\s+4\s+4\s+2\s+50\.0/);
  expect(out).toMatch(/multipl-e\s+py\s+10\s+16\s+\d+\s+65\.0/);
  const id = /stored as evaluation (\S+);/.exec(out)![1];
  const stored = await t.db.evaluation.findUniqueOrThrow({ where: { id } });
  expect(stored).toMatchObject({ name: "santacoder MultiPL-E", model: "santacoder", status: "succeeded", source: "imported:multipl-e" });
  expect((stored.summary as unknown as ScoreRow[]).map((r) => [r.language, r.passAtK[1]])).toEqual([["js", 0.5], ["py", 0.65]]);
}, 240_000);

it("xinstruct eval import: bigcode harness scores; a wrong format is refused with the reason", async () => {
  const results = path.join(tmp, "evaluation_results.json");
  writeFileSync(results, bigcodeFiles().files[2].text);
  const ok = await cli("eval", "import", results, "--format", "bigcode");
  expect(ok.code, ok.out).toBe(0);
  expect(ok.out).toMatch(/multipl-e\s+java\s+reported\s+-\s+-\s+41\.8/);
  const bad = await cli("eval", "import", results, "--format", "multipl-e", "--model", "m");
  expect(bad.code).toBe(1);
  expect(bad.out).toMatch(/evaluation_results\.json is not a MultiPL-E problem file.*bigcode-evaluation-harness file, so choose that format/);
}, 120_000);
