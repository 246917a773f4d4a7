/**
 * The embedded local model's speed (issue 12, "Measure"): tokens per second with the tiny
 * random-weights GGUF (../shared/models, or the path given) at 1 and 2 llama.cpp threads, and
 * their ratio; also the count the provider picks from the free cores, and llama.cpp's own
 * default (node-llama-cpp's `maxThreads`: cpuMathCores or 4), which on a busy machine spins.
 * Run: npm run bench:local-model [-- MODEL.gguf] [TOKENS] [REPEATS]
 * Each figure is the median of REPEATS answers of TOKENS tokens after a warm-up, each thread
 * count within 20 s (an answer cut by that limit counts the tokens it made).
 */
import os from "node:os";
import path from "node:path";
import { freeThreads } from "@/lib/llm/local/free-threads";
import { getLlamaRuntime, leaseChat } from "@/lib/llm/local/llama-registry";

const MODEL = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../../../../shared/models/llama-2-tiny-random.gguf"));
const TOKENS = Number(process.argv[3] ?? 200);
const REPEATS = Number(process.argv[4] ?? 5);
// each thread count gets this much time: on a busy machine spinning threads make a few tokens take a minute
const LIMIT_MS = 20_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** median tokens/s over REPEATS answers of TOKENS tokens; an answer cut by the time limit counts what it made */
async function tokensPerSecond(threads: number): Promise<{ tps: number; note?: string }> {
  const deadline = performance.now() + LIMIT_MS;
  const history = [{ type: "user" as const, text: "Write a function that reverses a list, with tests." }];
  const lease = await leaseChat({ modelPath: MODEL, threads, sequences: 1 });
  try {
    await lease.chat.generateResponse(history, { maxTokens: 4 }); // warm-up
    const rates: number[] = [];
    for (let i = 0; i < REPEATS && performance.now() < deadline; i++) {
      let made = 0;
      const started = performance.now();
      const r = await lease.chat.generateResponse(history, { maxTokens: TOKENS, onToken: (t) => (made += t.length), signal: AbortSignal.timeout(Math.max(1, Math.round(deadline - started))), stopOnAbortSignal: true });
      rates.push(made / ((performance.now() - started) / 1000));
      if (r.metadata.stopReason === "abort") return { tps: median(rates), note: `time limit: ${made} of ${TOKENS} tokens in ${LIMIT_MS / 1000} s` };
    }
    return { tps: median(rates) };
  } finally {
    lease.release();
  }
}

const llama = await getLlamaRuntime();
const chosen = freeThreads({ cores: os.availableParallelism(), loadAverage: os.loadavg()[0] });
const llamaDefault = Math.max(llama.cpuMathCores, 4);
console.log(`model ${MODEL}`);
console.log(`cores ${os.availableParallelism()} · load average ${os.loadavg()[0].toFixed(2)} · gpu ${llama.gpu || "none"} · provider's free-core choice ${chosen} · llama.cpp default ${llamaDefault}`);
console.log(`${TOKENS} tokens × ${REPEATS} repeats (median)\n`);

const one = await tokensPerSecond(1);
const two = await tokensPerSecond(2);
const dflt = await tokensPerSecond(llamaDefault);
const fmt = (n: number) => n.toFixed(n < 10 ? 1 : 0).padStart(7);
console.log(`threads 1                 ${fmt(one.tps)} tokens/s   (baseline)${one.note ? `  (${one.note})` : ""}`);
console.log(`threads 2                 ${fmt(two.tps)} tokens/s   ratio 2/1 = ${(two.tps / one.tps).toPrecision(2)}${two.note ? `  (${two.note})` : ""}`);
console.log(`threads ${String(llamaDefault).padEnd(2)} (llama.cpp default) ${fmt(dflt.tps)} tokens/s   ratio default/1 = ${(dflt.tps / one.tps).toPrecision(2)}${dflt.note ? `  (${dflt.note})` : ""}`);
