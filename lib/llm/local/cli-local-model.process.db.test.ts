import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTopic } from "@/lib/pipeline/run/ids";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { TINY_MODEL_PATH } from "./test-model";

let t: TestDb;
const dir = mkdtempSync(path.join(os.tmpdir(), "xi-local-cli-"));
const root = path.resolve(import.meta.dirname, "../../..");
beforeAll(async () => {
  t = await createTestDb();
  mkdirSync(path.join(dir, "code"));
  writeFileSync(path.join(dir, "code/stats.py"), "def mean(xs):\n    return sum(xs) / len(xs)\n");
  writeFileSync(path.join(dir, "code/words.js"), "function words(s) { return s.split(/\\s+/).filter(Boolean); }\n");
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

// the CLI runs from the repository root: a relative modelPath is resolved from there
const config = (modelPath: string) =>
  [
    "name: local cli",
    "seed: 5",
    "languages: [py, js]",
    "seedData:",
    "  modes: [ds1]",
    "targets:",
    "  ds3Samples: 0",
    "models:",
    "  endpoints:",
    "    - name: tiny",
    "      provider: local",
    "      model: tiny-random",
    `      modelPath: ${modelPath}`,
    "      threads: 1",
    "      concurrency: 2",
    "      structuredRetries: 0",
    ...["iGenerator", "rGenerator", "scorer", "discussion"].flatMap((r) => [`  ${r}:`, "    endpoint: tiny", "    maxOutputTokens: 40"]),
  ].join("\n");

describe("xinstruct generate with provider: local", () => {
  it("runs the GGUF in-process, records its calls, and exits 0 only when the run succeeded", async () => {
    writeFileSync(path.join(dir, "local.yaml"), config(path.relative(root, TINY_MODEL_PATH)));
    const cli = spawnCli(["generate", "--config", path.join(dir, "local.yaml"), "--corpus", path.join(dir, "code"), "--no-progress"], { DATABASE_URL: t.url });
    const code = await waitForExit(cli, 120_000);
    const run = await t.db.run.findFirstOrThrow({ where: { name: "local cli" } });
    expect(run.status, cli.output()).toMatch(/^(succeeded|failed)$/);
    expect(code, cli.output()).toBe(run.status === "succeeded" ? 0 : 1);
    expect(cli.output()).toContain(`run ${run.id} "local cli": ${run.status}`);
    const calls = (await t.db.event.findMany({ where: { topic: runTopic(run.id), type: "llm.call" } })).map((e) => (e.data as { call: { model: string; endpoint: string; outputTokens: number } }).call);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const c of calls) expect(c).toMatchObject({ endpoint: "tiny", model: "tiny-random", outputTokens: expect.any(Number) });
    expect(await t.db.runStep.count({ where: { runId: run.id, stage: "seed" } })).toBe(2);
  }, 150_000);
});
