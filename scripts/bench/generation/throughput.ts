/**
 * Generation throughput of the in-memory agent runtime (issue 4, "Measure").
 * Run: npx tsx --conditions=react-server scripts/bench/generation/throughput.ts [snippetsPerLanguage] [latencyMs] [concurrency]
 *
 * The demo model answers every call after a fixed latency; the endpoint allows `concurrency`
 * calls at once. Every sample costs 3 calls (seed: two generations + score; Ds3: synthesis +
 * score + reflection), so the ideal is concurrency / 3 / latency samples per second.
 * Baseline, measured in the same run: the same number of bare model calls pushed through the
 * same limiter at the same concurrency (what the model alone allows).
 * CPU per sample = process CPU time during the run minus the demo model's own answer
 * composition, divided by the samples produced.
 */
import type { LanguageModel } from "ai";
import { parseRunConfig } from "@/lib/domain/run-config";
import { ds1InstructionPrompt } from "@/lib/domain/prompts/seed-prompts";
import { runGenerationInMemory, seedTasks } from "@/lib/agents/in-memory-run";
import { ConcurrencyLimiter } from "@/lib/llm/concurrency-limiter";
import { createRunModelClient } from "@/lib/llm/model-client";
import { createScriptedModel, type ScriptedModel } from "@/lib/llm/scripted-model";
import { demoSnippets } from "@/lib/agents/test-support";

const PER_LANGUAGE = Number(process.argv[2] ?? 40);
const LATENCY = Number(process.argv[3] ?? 100);
const CONCURRENCY = Number(process.argv[4] ?? 64);
const CALLS_PER_SAMPLE = 3;

const snippets = demoSnippets(PER_LANGUAGE);
const config = parseRunConfig({
  seed: 1,
  targets: { ds3Samples: PER_LANGUAGE * 8 * 2 },
  scorer: { threshold: 3 },
  models: { endpoints: [{ name: "demo", provider: "scripted", model: "xinstruct-demo", concurrency: CONCURRENCY, scripted: { latencyMs: LATENCY } }] },
});

async function baseline(calls: number): Promise<{ seconds: number; cpuMs: number; modelCpuMs: number }> {
  const model = createScriptedModel({ latencyMs: LATENCY });
  const limiter = new ConcurrencyLimiter(CONCURRENCY);
  const prompt = ds1InstructionPrompt(snippets[0]);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: calls }, (_, i) =>
      limiter.run(async () => model.doGenerate({ prompt: [{ role: "system", content: prompt.system }, { role: "user", content: [{ type: "text", text: `${prompt.user}${i}` }] }] })),
    ),
  );
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000, modelCpuMs: model.stats.cpuMs };
}

async function main() {
  let model: ScriptedModel | undefined;
  const client = createRunModelClient(config, { resolveModel: (e): LanguageModel => (model = createScriptedModel({ ...e.scripted, modelId: e.model })) });
  // warm-up: module loading and JIT, not counted
  await runGenerationInMemory({ config: parseRunConfig({ ...config, targets: { ds3Samples: 8 } }), client: createRunModelClient(config) }, demoSnippets(1));

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await runGenerationInMemory({ config, client }, snippets);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const samples = seedTasks(snippets, config).length + r.discussions.length;
  const calls = client.usage().calls;

  const base = await baseline(calls);
  const baseSeconds = base.seconds;
  const ideal = CONCURRENCY / CALLS_PER_SAMPLE / (LATENCY / 1000);
  const rate = samples / seconds;
  const baseRate = calls / CALLS_PER_SAMPLE / baseSeconds;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const modelCpu = model?.stats.cpuMs ?? 0;

  console.log(`generation throughput: ${snippets.length} snippets, latency ${LATENCY} ms, concurrency ${CONCURRENCY}`);
  console.log(`  samples: ${samples} (${r.seeds.length} seeds kept of ${seedTasks(snippets, config).length}, ${r.ds3.length} Ds3), model calls: ${calls} (${(calls / samples).toFixed(2)} per sample)`);
  console.log(`  run: ${seconds.toFixed(2)} s → ${rate.toFixed(1)} samples/s`);
  console.log(`  ideal (concurrency / ${CALLS_PER_SAMPLE} calls / latency): ${ideal.toFixed(1)} samples/s → ratio ${(rate / ideal).toFixed(3)}`);
  console.log(`  baseline, bare calls through the limiter (same run): ${baseRate.toFixed(1)} samples/s → ratio ${(rate / baseRate).toFixed(3)}`);
  console.log(`  CPU per model call outside the model: run ${((cpuMs - modelCpu) / calls).toFixed(3)} ms, bare-call baseline ${((base.cpuMs - base.modelCpuMs) / calls).toFixed(3)} ms`);
  console.log(`  CPU outside the model: ${((cpuMs - modelCpu) / samples).toFixed(2)} ms per sample (process ${(cpuMs / samples).toFixed(2)}, demo model ${(modelCpu / samples).toFixed(2)})`);
}

void main();
