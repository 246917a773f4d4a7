import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import { localGpuCount } from "@/lib/ablations/gpu";
import { createFixtureRun } from "@/lib/ablations/testing/fixture";
import { startWorker } from "@/lib/jobs/worker";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";

let t: TestDb;
let tmp: string;
useTestDbWithDir("xi-cli-ablate-", (f) => { t = f.t; tmp = f.dir; });
// the evaluation endpoint must answer when an ablation starts (its models come later)
let evalServer: ScriptedServer;
beforeAll(async () => { evalServer = await startScriptedOpenAIServer(() => ["    return None\n"]); });
afterAll(async () => { await evalServer.close(); });

async function cli(...args: string[]): Promise<string> {
  const p = spawnCli(args, { DATABASE_URL: t.url, DATA_DIR: tmp });
  const code = await waitForExit(p, 120_000);
  expect(code, p.output()).toBe(0);
  return p.output();
}

it("ablate creates the variants and prints their ids; show follows the chain; attach fills the table", async () => {
  if ((await localGpuCount()) > 0) return; // asserts the stop at training on a host without a GPU
  const { runId } = await createFixtureRun(t.db);
  const out = await cli("ablate", "--run", runId, "--variants", "no-ds3,size:0.5", "--gpus", "1", "--endpoint", evalServer.url, "--langs", "py,java", "--data-dir", "../shared/benchmarks", "--sample-n", "3", "--sample-max-tokens", "256");
  const ablationId = /^ablation\t(\S+)$/m.exec(out)![1];
  // Ds4 sampled from each SFT model: 3 answers per query, the temperature left to the run's DPO stage
  expect((await t.db.ablation.findUniqueOrThrow({ where: { id: ablationId } })).config).toMatchObject({ sampling: { n: 3, maxNewTokens: 256 } });
  const printed = [...out.matchAll(/^(full|no-ds3|size:0\.5)\t(\S+)\tstep dataset\tjob (\S+)$/gm)].map((m) => ({ key: m[1], id: m[2], job: m[3] }));
  const rows = await t.db.ablationVariant.findMany({ where: { ablationId }, orderBy: { position: "asc" } });
  expect(printed).toEqual(rows.map((r) => ({ key: r.key, id: r.id, job: r.jobId })));

  await startWorker({ db: t.db, concurrency: 1, leaseMs: 10_000, exitWhenIdle: true }).done;
  const shown = await cli("ablate", "show", ablationId);
  // columns: samples, ds4 (sampled), training, evaluation (none yet), then the message
  expect(shown).toMatch(/^no-ds3\s+train\s+blocked\s+5\s+—\s+—\s+—\s+Training needs a GPU/m);
  expect(shown).toMatch(/no evaluated variant yet/);

  const summary = (py: number) => [{ benchmark: "multipl-e", language: "py", problems: 4, minSamples: 1, samples: 4, passedSamples: py * 4, passAtK: { 1: py } }];
  const a = await t.db.evaluation.create({ data: { name: "a", model: "a", config: {}, status: "succeeded", summary: summary(0.75) } });
  const b = await t.db.evaluation.create({ data: { name: "b", model: "b", config: {}, status: "succeeded", summary: summary(0.5) } });
  expect(await cli("ablate", "attach", ablationId, "--variant", "full", "--evaluation", a.id)).toMatch(/^full\tsucceeded\tEvaluation .* attached/m);
  await cli("ablate", "attach", ablationId, "--variant", "no-ds3", "--evaluation", b.id);
  const table = await cli("ablate", "show", ablationId);
  expect(table).toMatch(/^Full data\s+75\.0\s+75\.0$/m);
  expect(table).toMatch(/^− Ds3\s+50\.0 \(-25\.0\)\s+50\.0 \(-25\.0\)$/m);
  expect(table).toMatch(/^50% of the data\s+—\s+—$/m);
}, 240_000);
