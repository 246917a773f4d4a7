/**
 * Generation against model servers that answer like real ones (issue 12, "Measure").
 *
 *   npm run bench:real-models -- [--samples 1024] [--concurrency 64] [--latency 100]
 *
 * Two OpenAI-compatible test servers in their own processes, the same latency: a clean one, and
 * one with flaws at realistic rates (fenced JSON 15 %, fenced code 30 %, prose first 10 %,
 * cut-off 10 %, 429 10 %, 500 5 %). Against each, in the same run, `samples` seed samples
 * (instruction, then solution and tests: two model steps) with `concurrency` calls in flight,
 * then every produced sample's program (solution + tests) run in the sandbox. Reported:
 *   - samples produced, flawed ÷ clean (goal ≥ 0.95);
 *   - calls wasted per accepted sample (requests that gave no step its value);
 *   - verified-OK share (programs that pass), flawed ÷ clean (goal ≥ 0.95);
 *   - throughput: answered steps per second ÷ the ideal, concurrency ÷ latency (goal ≥ 0.9).
 * The clean side is measured again at a low concurrency (--low-concurrency, 8), where the
 * latency and not the CPU bounds throughput. Also the CPU time per request of the client (this process) and of the server, and the ceiling
 * they put on throughput on this machine's cores: on a small shared machine that, not the
 * latency, is the limit. Each side says what bound it: the latency, the CPU per request, or the
 * CPU other processes took (the cores the bench's two processes got, and the load average).
 */
import os from "node:os";
import { demoSnippets } from "@/lib/agents/test-support";
import { modelEndpointSchema } from "@/lib/domain/model-endpoint";
import { instructionOutput, solutionOutput } from "@/lib/domain/output-schemas";
import { ds1InstructionPrompt, ds1ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import { assembleProgram } from "@/lib/domain/test-convention";
import { createModelClient } from "@/lib/llm/model-client";
import { StructuredModeMemory } from "@/lib/llm/structured-output";
import type { FlawedServerConfigInput } from "@/lib/llm/testing/flawed-server-config";
import { spawnFlawedServer } from "@/lib/llm/testing/spawn-flawed-server";
import { closeDefaultPool, runMany, type LanguageId } from "@/lib/sandbox";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const samples = Number(arg("samples", "1024"));
const concurrency = Number(arg("concurrency", "64"));
const latencyMs = Number(arg("latency", "100"));
const LANGUAGES: LanguageId[] = ["py", "js"];

const FLAWS: FlawedServerConfigInput["rates"] = { fencedJson: 0.15, fencedCode: 0.3, proseFirst: 0.1, cutOff: 0.1, rateLimit: 0.1, serverError: 0.05 };

interface Side {
  produced: number;
  requests: number;
  okCalls: number;
  wallS: number;
  verifiedOk: number;
  clientCpuMs: number;
  serverCpuMs: number;
  /** 1-minute load average when the side finished */
  load: number;
  count: number;
  /** concurrency ÷ latency: calls/s if only the latency bounded it */
  idealPerS: number;
}

async function measure(label: string, rates: FlawedServerConfigInput["rates"], count = samples, inFlight = concurrency): Promise<Side> {
  // Retry-After: 1 s, as hosted APIs send it; a long reasoning preamble overruns 1024 tokens
  const server = await spawnFlawedServer({ seed: 1, latencyMs, retryAfterMs: 1_000, verboseTokens: 1_500, rates });
  try {
    const endpoint = modelEndpointSchema.parse({ name: label, provider: "openai-compatible", baseURL: server.url, model: "flawed-coder", concurrency: inFlight, timeoutMs: 30_000 });
    const role = { endpoint: label, temperature: 0.2, maxOutputTokens: 1_024 };
    const client = createModelClient({ endpoints: [endpoint], roles: { iGenerator: role, rGenerator: role, scorer: role, discussion: role }, seed: 9, modeMemory: new StructuredModeMemory() });
    const snippets = demoSnippets(Math.ceil(samples / LANGUAGES.length)).filter((s) => LANGUAGES.includes(s.language as LanguageId)).slice(0, count);
    const serverCpuBefore = (await server.stats()).cpuMs;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const results = await Promise.all(
      snippets.map(async (snippet) => {
        const q = await client.call({ role: "iGenerator", step: `${snippet.id}/i`, prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
        if (!q.ok) return { calls: q.calls, sample: null };
        const a = await client.call({ role: "rGenerator", step: `${snippet.id}/r`, prompt: ds1ResponsePrompt(snippet.language, q.value.instruction), schema: solutionOutput });
        return { calls: [...q.calls, ...a.calls], sample: a.ok ? { language: snippet.language as LanguageId, program: assembleProgram(a.value.solution, a.value.tests) } : null };
      }),
    );
    const wallS = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const loadAtEnd = os.loadavg()[0];
    const clientCpuMs = (cpu.user + cpu.system) / 1000;
    const produced = results.flatMap((r) => (r.sample ? [r.sample] : []));
    const calls = results.flatMap((r) => r.calls);
    // each distinct program runs once; its verdict counts for every sample that holds it
    const distinct = [...new Map(produced.map((p) => [`${p.language}\n${p.program}`, p])).values()];
    const verdicts = new Map((await runMany(distinct)).map((r, i) => [`${distinct[i].language}\n${distinct[i].program}`, r.status]));
    const verifiedOk = produced.filter((p) => verdicts.get(`${p.language}\n${p.program}`) === "ok").length;
    const stats = await server.stats();
    const outcomes: Record<string, number> = {};
    for (const c of calls) outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
    console.log(`${label}: server: ${stats.requests} requests, by status ${JSON.stringify(stats.byStatus)}, flaws ${JSON.stringify(stats.flaws)}, max in flight ${stats.maxInFlight}; client: outcomes ${JSON.stringify(outcomes)}`);
    return { produced: produced.length, requests: calls.length, okCalls: calls.filter((c) => c.outcome === "ok").length, wallS, verifiedOk, clientCpuMs, serverCpuMs: stats.cpuMs - serverCpuBefore, load: loadAtEnd, count: snippets.length, idealPerS: inFlight / (latencyMs / 1000) };
  } finally {
    await server.close();
  }
}

const cores = os.availableParallelism();
console.log(`load average at the start: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cores} cores`);
// warm-up (JIT, connections, sandbox), not reported
await measure("warm-up", {}, concurrency * 2);
const clean = await measure("clean", {});
const flawed = await measure("flawed", FLAWS);
// where the CPU is not the limit: the same work at a concurrency this machine can feed
const lowConcurrency = Number(arg("low-concurrency", "8"));
const low = await measure(`clean-c${lowConcurrency}`, {}, lowConcurrency * 32, lowConcurrency);
await closeDefaultPool();

const ideal = concurrency / (latencyMs / 1000);
const f2 = (x: number) => x.toFixed(2);
const row = (s: Side) => ({
  produced: `${s.produced}/${s.count}`,
  requests: s.requests,
  "wasted / sample": f2((s.requests - s.okCalls) / Math.max(1, s.produced)),
  "verified OK": `${s.verifiedOk} (${f2(s.verifiedOk / Math.max(1, s.produced))})`,
  "wall s": f2(s.wallS),
  "steps/s": f2(s.okCalls / s.wallS),
  "requests/s": f2(s.requests / s.wallS),
  "÷ ideal (steps)": f2(s.okCalls / s.wallS / s.idealPerS),
  "client CPU ms/request": f2(s.clientCpuMs / s.requests),
  "server CPU ms/request": f2(s.serverCpuMs / s.requests),
  // how much of the machine the bench's two processes got: well under the cores while short of
  // the ideal means other processes had the CPU
  "cores used": f2((s.clientCpuMs + s.serverCpuMs) / 1000 / s.wallS),
  "load avg": f2(s.load),
});
console.log(`\n${samples} samples (2 steps each), concurrency ${concurrency}, latency ${latencyMs} ms: ideal ${ideal} calls/s`);
console.table({ clean: row(clean), flawed: row(flawed), [`clean-c${lowConcurrency}`]: row(low) });
const share = (s: Side) => s.verifiedOk / Math.max(1, s.produced);
console.log(`samples produced, flawed ÷ clean: ${f2(flawed.produced / clean.produced)} (goal ≥ 0.95)`);
console.log(`calls wasted per accepted sample (flawed): ${f2((flawed.requests - flawed.okCalls) / Math.max(1, flawed.produced))}`);
console.log(`verified-OK share, flawed ÷ clean: ${f2(share(flawed) / share(clean))} (goal ≥ 0.95)`);
console.log(`load average at the end: ${os.loadavg().map(f2).join(" ")} on ${os.availableParallelism()} cores`);
console.log(`throughput ÷ ideal: clean ${f2(clean.okCalls / clean.wallS / ideal)}, flawed ${f2(flawed.okCalls / flawed.wallS / ideal)} (goal ≥ 0.9)`);
console.log(`throughput ÷ ideal at concurrency ${lowConcurrency}, clean server (ideal ${lowConcurrency / (latencyMs / 1000)} calls/s): ${f2(low.okCalls / low.wallS / (lowConcurrency / (latencyMs / 1000)))}`);
// what bounds throughput: the latency (the ideal), the CPU per request on this machine's cores,
// or the CPU the rest of the machine left to the bench
// (each process is one event loop: neither can use more than one core)
const ceiling = (s: Side) => Math.min((cores * 1000 * s.requests) / (s.clientCpuMs + s.serverCpuMs), (1000 * s.requests) / s.clientCpuMs, (1000 * s.requests) / s.serverCpuMs);
console.log(`CPU ceiling of this machine (cores ÷ CPU per request, client + server, at most one core each): clean ${f2(ceiling(clean))} requests/s, ${f2(Math.min(1, ceiling(clean) / ideal))} of the ideal`);
const bound = (s: Side, label: string) => {
  const idealOf = s.idealPerS;
  const got = s.requests / s.wallS;
  const used = (s.clientCpuMs + s.serverCpuMs) / 1000 / s.wallS;
  const reasons: string[] = [];
  if (got >= 0.9 * idealOf) reasons.push("the latency (near the ideal)");
  if (ceiling(s) < idealOf) reasons.push(`the CPU per request (ceiling ${f2(ceiling(s))}/s < ideal ${idealOf}/s)`);
  if (used < 0.8 * cores && got < 0.9 * idealOf) reasons.push(`CPU taken by other processes (the bench's two processes got ${f2(used)} of ${cores} cores; load average ${f2(s.load)})`);
  if (reasons.length === 0) reasons.push(`the CPU (the bench used ${f2(used)} of ${cores} cores)`);
  const why = reasons.join("; ");
  console.log(`${label}: ${f2(got)} requests/s, ${f2(got / idealOf)} of the ideal; bound by ${why}`);
};
bound(clean, "clean");
bound(low, `clean-c${lowConcurrency}`);
// requests that give no step (429 after a 1 s Retry-After, 5xx, cut-off) hold a slot too
console.log(`flawed: steps are at most ${f2(flawed.okCalls / flawed.requests)} of the requests, so steps ÷ ideal ≤ ${f2(flawed.okCalls / flawed.requests)} even with no CPU limit`);
