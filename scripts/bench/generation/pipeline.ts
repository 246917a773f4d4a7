/**
 * Generation throughput through the real pipeline with the database (issue 4, "Measure").
 * Run: npx tsx --conditions=react-server scripts/bench/generation/pipeline.ts [snippetsPerLanguage] [latencyMs] [concurrency] [postgresql-url]
 *
 * The demo model answers every call after a fixed latency; the endpoint allows `concurrency`
 * calls at once; a sample costs 3 calls, so the ideal is concurrency / 3 / latency samples/s.
 * Measured in the same process, on the same config and snippets, in interleaved rounds (best of each):
 *   - the in-memory run (lib/agents/in-memory-run.ts): no storage at all, the baseline;
 *   - the persisted run (executeRun): every prompt, call, sample, score, reflection, memory
 *     change and message stored in the database (SQLite file, or PostgreSQL if a URL is given)
 *     as rows and run events, group-committed with its ledger entry.
 * CPU per sample outside the model = process CPU during the run − the demo model's own answer
 * composition, ÷ samples. For the persisted run it includes Prisma and the database driver
 * (in-process for SQLite).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LanguageModel } from "ai";
import { runGenerationInMemory, seedTasks } from "@/lib/agents/in-memory-run";
import { demoSnippets } from "@/lib/agents/test-support";
import { createDb, prepareConnection } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { parseRunConfig, type RunConfigInput } from "@/lib/domain/run-config";
import { createRunModelClient } from "@/lib/llm/model-client";
import { createScriptedModel, type ScriptedModel } from "@/lib/llm/scripted-model";
import { createRun } from "@/lib/pipeline/run/create-run";
import { executeRun } from "@/lib/pipeline/run/execute-run";
import { loadRunSnippets } from "@/lib/pipeline/run/run-snippets";

const PER_LANGUAGE = Number(process.argv[2] ?? 40);
const LATENCY = Number(process.argv[3] ?? 100);
const CONCURRENCY = Number(process.argv[4] ?? 64);
const PG_URL = process.argv[5];
const ROUNDS = 2;
const CALLS_PER_SAMPLE = 3;

const configInput = (perLanguage: number): RunConfigInput => ({
  seed: 1,
  targets: { ds3Samples: perLanguage * 8 * 2 },
  scorer: { threshold: 3 },
  models: { endpoints: [{ name: "demo", provider: "scripted", model: "xinstruct-demo", concurrency: CONCURRENCY, scripted: { latencyMs: LATENCY } }] },
});
const snippetInputs = (perLanguage: number) => demoSnippets(perLanguage).map((s) => ({ content: s.code, language: s.language }));

interface Measure {
  samples: number;
  seconds: number;
  cpuMs: number;
  modelCpuMs: number;
  calls: number;
}

async function measure(fn: (resolveModel: (e: { scripted?: object; model: string }) => LanguageModel) => Promise<number>): Promise<Measure> {
  const models: ScriptedModel[] = [];
  const resolveModel = (e: { scripted?: object; model: string }): LanguageModel => {
    const m = createScriptedModel({ ...e.scripted, modelId: e.model });
    models.push(m);
    return m;
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const samples = await fn(resolveModel);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { samples, seconds, cpuMs: (cpu.user + cpu.system) / 1000, modelCpuMs: models.reduce((n, m) => n + m.stats.cpuMs, 0), calls: models.reduce((n, m) => n + m.stats.calls, 0) };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-bench-"));
  let url = `file:${path.join(dir, "bench.db")}`;
  if (PG_URL) {
    const pg = await import("pg");
    const name = `xi_bench_${Date.now()}`;
    const admin = new pg.default.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = PG_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  }
  await migrate(url);
  const db = createDb(url);
  await prepareConnection(db, url);

  const persisted = (perLanguage: number) =>
    measure(async (resolveModel) => {
      const { run } = await createRun(db, { snippets: snippetInputs(perLanguage), config: configInput(perLanguage), enqueue: false });
      const out = await executeRun({ db, runId: run.id, resolveModel });
      return out.counts!.seed.done + out.counts!.discuss.done;
    });
  const inMemory = (perLanguage: number) =>
    measure(async (resolveModel) => {
      // the same snippets (ids included) as the persisted run, so both do the same work
      const { run } = await createRun(db, { snippets: snippetInputs(perLanguage), config: configInput(perLanguage), enqueue: false });
      const config = parseRunConfig(run.config);
      const snippets = await loadRunSnippets(db, run.corpusId, config);
      const r = await runGenerationInMemory({ config, client: createRunModelClient(config, { resolveModel }) }, snippets);
      return seedTasks(snippets, config).length + r.discussions.length;
    });

  // warm-up: module loading, JIT, prepared statements; not counted
  await inMemory(1);
  await persisted(1);
  // interleaved rounds, best of each: the machine is shared and noisy
  const mems: Measure[] = [];
  const dbs: Measure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    mems.push(await inMemory(PER_LANGUAGE));
    dbs.push(await persisted(PER_LANGUAGE));
  }
  const best = (ms: Measure[]) => ms.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const mem = best(mems);
  const db1 = best(dbs);
  const events = await db.event.count();
  const ideal = CONCURRENCY / CALLS_PER_SAMPLE / (LATENCY / 1000);
  const rate = (m: Measure) => m.samples / m.seconds;
  const outside = (m: Measure) => (m.cpuMs - m.modelCpuMs) / m.samples;

  console.log(`generation through the pipeline: ${PER_LANGUAGE * 8} snippets, latency ${LATENCY} ms, concurrency ${CONCURRENCY}, database ${PG_URL ? "PostgreSQL" : "SQLite (file, WAL)"}`);
  console.log(`  samples per run: ${db1.samples} (model calls ${db1.calls}, ${(db1.calls / db1.samples).toFixed(2)} per sample); run events stored in all: ${events}`);
  console.log(`  ideal (concurrency / ${CALLS_PER_SAMPLE} calls / latency): ${ideal.toFixed(1)} samples/s`);
  console.log(`  rounds (s, in-memory / persisted): ${mems.map((m, i) => `${m.seconds.toFixed(2)} / ${dbs[i].seconds.toFixed(2)}`).join(", ")}; best of each below`);
  console.log(`  in-memory run (baseline):  ${mem.seconds.toFixed(2)} s → ${rate(mem).toFixed(1)} samples/s, ${(rate(mem) / ideal).toFixed(3)} of ideal`);
  console.log(`  persisted run (database):  ${db1.seconds.toFixed(2)} s → ${rate(db1).toFixed(1)} samples/s, ${(rate(db1) / ideal).toFixed(3)} of ideal, ${(rate(db1) / rate(mem)).toFixed(3)} of in-memory`);
  console.log(`  CPU outside the model per sample: persisted ${outside(db1).toFixed(2)} ms, in-memory ${outside(mem).toFixed(2)} ms → storage costs ${(outside(db1) - outside(mem)).toFixed(2)} ms per sample`);
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

void main();
