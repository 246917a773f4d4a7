import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";

let t: TestDb;
let server: ScriptedServer;
const dir = mkdtempSync(path.join(os.tmpdir(), "xi-generate-failing-"));
beforeAll(async () => {
  t = await createTestDb();
  server = await startScriptedOpenAIServer(() => ({ status: 400, body: JSON.stringify({ error: { message: "response_format is not supported", type: "invalid_request_error" } }) }));
  mkdirSync(path.join(dir, "code"));
  writeFileSync(path.join(dir, "code/a.py"), "def mean(xs):\n    return sum(xs) / len(xs)\n");
  writeFileSync(path.join(dir, "code/b.js"), "function words(s) { return s.split(/\\s+/).filter(Boolean); }\n");
});
afterAll(async () => {
  await server.close();
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const yaml = (baseURL: string) => `name: refused
seed: 2
targets:
  ds3Samples: 4
models:
  endpoints:
    - name: real
      provider: openai-compatible
      baseURL: ${baseURL}/v1
      model: some-model
      concurrency: 4
      maxRetries: 0
  iGenerator: { endpoint: real }
  rGenerator: { endpoint: real }
  scorer: { endpoint: real }
  discussion: { endpoint: real }
`;

describe("xinstruct generate against a server that refuses every call", () => {
  it("exits non-zero, says the run failed and why, counts the failures by cause, and writes no samples file", async () => {
    writeFileSync(path.join(dir, "run.yaml"), yaml(server.url));
    const out = path.join(dir, "samples.jsonl");
    const cli = spawnCli(["generate", "--config", path.join(dir, "run.yaml"), "--corpus", path.join(dir, "code"), "--out", out, "--no-progress"], { DATABASE_URL: t.url });
    expect(await waitForExit(cli, 120_000), cli.output()).toBe(1);
    const run = await t.db.run.findFirstOrThrow({ where: { name: "refused" } });
    expect(run.status).toBe("failed");
    expect(cli.output()).toContain(`run ${run.id} "refused": failed (stage done) — All 4 steps failed`);
    expect(cli.output()).toMatch(/steps failed \(\d+ of \d+ model calls failed\): the server rejected response_format \(400\)/);
    expect(cli.output()).toMatch(/failed by cause:\n\s+\d+ steps\s+\d+ calls\s+the server rejected response_format \(400\)/);
    expect(existsSync(out)).toBe(false);
    expect(server.requests.length).toBeGreaterThan(0);
  }, 180_000);
});
