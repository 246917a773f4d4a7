import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runConfigFromYaml } from "@/lib/domain/run-config-yaml";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitFor, waitForExit } from "@/lib/testing/spawn-cli";

let t: TestDb;
const dir = mkdtempSync(path.join(os.tmpdir(), "xi-generate-"));
beforeAll(async () => {
  t = await createTestDb();
  mkdirSync(path.join(dir, "code"));
  writeFileSync(path.join(dir, "code/stats.py"), "def mean(xs):\n    return sum(xs) / len(xs)\n");
  writeFileSync(path.join(dir, "code/Text.java"), "class Text { static String rev(String s) { return new StringBuilder(s).reverse().toString(); } }\n");
  writeFileSync(path.join(dir, "code/words.js"), "function words(s) { return s.split(/\\s+/).filter(Boolean); }\n");
  writeFileSync(path.join(dir, "code/NOTES.txt"), "not code\n");
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const config = (ds3: number, latencyMs: number) =>
  `name: cli test\nseed: 3\ntargets:\n  ds3Samples: ${ds3}\nmodels:\n  endpoints:\n    - name: demo\n      provider: scripted\n      model: xinstruct-demo\n      concurrency: 8\n      scripted:\n        latencyMs: ${latencyMs}\n`;

describe("xinstruct generate", () => {
  it("runs a whole run headless from a config file and a folder of code, writes the samples, and runs show / export-config describe it", async () => {
    writeFileSync(path.join(dir, "run.yaml"), config(6, 0));
    const out = path.join(dir, "samples.jsonl");
    const env = { DATABASE_URL: t.url };
    const cli = spawnCli(["generate", "--config", path.join(dir, "run.yaml"), "--corpus", path.join(dir, "code"), "--out", out], env);
    expect(await waitForExit(cli, 120_000), cli.output()).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.part === "ds1")).toHaveLength(3);
    expect(lines.filter((l) => l.part === "ds2")).toHaveLength(3);
    expect(lines.filter((l) => l.part === "ds3")).toHaveLength(6);
    for (const l of lines) expect(l).toMatchObject({ instruction: expect.any(String), solution: expect.any(String), language: expect.stringMatching(/^[a-z]+$/) });
    const run = await t.db.run.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(run.status).toBe("succeeded");
    expect(cli.output()).toContain(`run ${run.id} "cli test": succeeded`);

    const show = spawnCli(["runs", "show", run.id], env);
    expect(await waitForExit(show)).toBe(0);
    expect(show.output()).toMatch(/samples: 12 \(ds1 3, ds2 3, ds3 6\)/);
    const exported = spawnCli(["runs", "export-config", run.id], env);
    expect(await waitForExit(exported)).toBe(0);
    expect(runConfigFromYaml(exported.output())).toEqual(run.config);
  }, 180_000);

  it("Ctrl-C pauses the run; `runs resume` and a worker finish it", async () => {
    writeFileSync(path.join(dir, "long.yaml"), config(120, 30));
    const env = { DATABASE_URL: t.url };
    const cli = spawnCli(["generate", "--config", path.join(dir, "long.yaml"), "--corpus", path.join(dir, "code")], env);
    const run = await waitFor(() => t.db.run.findFirst({ where: { name: "cli test", status: "running" } }), 60_000);
    await waitFor(() => t.db.runStep.count({ where: { runId: run.id, stage: "discuss" } }), 60_000, 20);
    cli.kill("SIGINT");
    expect(await waitForExit(cli, 60_000)).toBe(130);
    expect(cli.output()).toContain(`xinstruct runs resume ${run.id}`);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("paused");
    expect(await t.db.runStep.count({ where: { runId: run.id, stage: "discuss" } })).toBeLessThan(120);

    const resume = spawnCli(["runs", "resume", run.id], env);
    expect(await waitForExit(resume)).toBe(0);
    const worker = spawnCli(["worker", "--exit-when-idle", "--concurrency", "1"], env);
    expect(await waitForExit(worker, 120_000)).toBe(0);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("succeeded");
    expect(await t.db.sample.count({ where: { runId: run.id, part: "ds3" } })).toBe(120);
  }, 240_000);
});
