import "server-only";
import { resolve } from "node:path";
import type { Llama, LlamaChat, LlamaGrammar, LlamaModel } from "node-llama-cpp";
import { AppError } from "@/lib/errors";
import { checkGgufFile } from "./gguf-file";
import { grammarSchema, type JsonSchema } from "./grammar-schema";
import { SequencePool } from "./sequence-pool";

/**
 * The process's llama.cpp: one runtime, each GGUF file loaded once and shared by every endpoint
 * and run that names it (loading is slow and the weights are big), and per model a context whose
 * sequences are leased to concurrent calls, one call per sequence, the rest waiting in line.
 * Memory stays bounded: at most 2 contexts per model (two runs with different thread counts
 * each keep theirs) and 2 models; the least recently used beyond that is freed once idle.
 * node-llama-cpp is imported on first use, so that code which never runs a local model never
 * loads the native addon. Prebuilt binaries only (`build: "never"`): nothing is compiled or
 * downloaded; CUDA is used when the machine has it (`gpu: "auto"`).
 */

export interface ContextSettings {
  modelPath: string;
  /** llama.cpp threads for this context */
  threads: number;
  /** tokens per sequence; default: the model's training context, at most 8192 */
  contextLength?: number;
  /** calls evaluated at once (batched together) */
  sequences: number;
}

export interface ChatLease {
  llama: Llama;
  model: LlamaModel;
  chat: LlamaChat;
  /** tokens one call may use, prompt and answer together */
  contextSize: number;
  release(): void;
}

const DEFAULT_MAX_CONTEXT = 8192;

const MAX_MODELS = 2;
const MAX_CONTEXTS_PER_MODEL = 2;

interface PoolSlot {
  ready: Promise<SequencePool>;
  pool?: SequencePool;
}
interface ModelSlot {
  ready: Promise<LlamaModel>;
  model?: LlamaModel;
  /** by settings key, least recently used first */
  pools: Map<string, PoolSlot>;
}

let runtime: Promise<Llama> | undefined;
/** by absolute path, least recently used first */
const models = new Map<string, ModelSlot>();
const grammars = new WeakMap<Llama, Map<string, Promise<LlamaGrammar>>>();

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function getLlamaRuntime(): Promise<Llama> {
  runtime ??= (async () => {
    const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
    // maxThreads 0: no process-wide cap, each context uses exactly the threads it asks for
    return getLlama({ gpu: "auto", build: "never", maxThreads: 0, logLevel: LlamaLogLevel.error });
  })().catch((e: unknown) => {
    runtime = undefined;
    throw new AppError("unavailable:local-model", `The embedded model runtime (node-llama-cpp) could not start: ${describe(e)}`, { cause: e });
  });
  return runtime;
}

/** Map order as recency: the entry moves to the end. */
function touch<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.delete(key);
  map.set(key, value);
  return value;
}

function modelSlot(resolved: string): ModelSlot {
  const known = models.get(resolved);
  if (known) return touch(models, resolved, known);
  const slot: ModelSlot = {
    pools: new Map(),
    ready: (async () => {
      await checkGgufFile(resolved);
      const llama = await getLlamaRuntime();
      return llama.loadModel({ modelPath: resolved }).catch((e: unknown) => {
        throw new AppError("unavailable:local-model", `Could not load the model ${resolved}: ${describe(e)}`, { cause: e });
      });
    })(),
  };
  slot.ready.then(
    (m) => (slot.model = m),
    () => models.get(resolved) === slot && models.delete(resolved),
  );
  models.set(resolved, slot);
  evictModels();
  return slot;
}

/** Frees the least recently used models beyond MAX_MODELS whose contexts are all idle. */
function evictModels(): void {
  let excess = models.size - MAX_MODELS;
  for (const [path, slot] of models) {
    if (excess <= 0) break;
    const pools = [...slot.pools.values()];
    if (!slot.model || pools.some((p) => !p.pool || !p.pool.idle)) continue;
    models.delete(path);
    excess--;
    for (const p of pools) p.pool!.retire();
    void slot.model.dispose();
  }
}

function poolKey(s: ContextSettings): string {
  return `threads=${s.threads}|ctx=${s.contextLength ?? "auto"}|seq=${s.sequences}`;
}

async function createPool(model: LlamaModel, s: ContextSettings): Promise<SequencePool> {
  const { LlamaChat } = await import("node-llama-cpp");
  const max = Math.min(model.trainContextSize, DEFAULT_MAX_CONTEXT);
  const context = await model
    .createContext({
      sequences: s.sequences,
      threads: s.threads,
      // auto: as large as fits in memory between a useful minimum and the cap
      contextSize: s.contextLength ?? { min: Math.min(2048, max), max },
    })
    .catch((e: unknown) => {
      throw new AppError("unavailable:local-model", `Could not create a context for ${s.modelPath} (${s.sequences} sequences, ${s.contextLength ?? `up to ${max}`} tokens each): ${describe(e)}. Lower the endpoint's concurrency or contextLength.`, { cause: e });
    });
  const chats = Array.from({ length: s.sequences }, () => new LlamaChat({ contextSequence: context.getSequence() }));
  return new SequencePool(context, chats);
}

/** A chat on a free sequence of the model's context; `release()` it when the call is done. */
export async function leaseChat(s: ContextSettings, signal?: AbortSignal): Promise<ChatLease> {
  // a context evicted between finding it and leasing from it is looked up again
  for (;;) {
    const lease = await tryLease(s, signal);
    if (lease) return lease;
  }
}

async function tryLease(s: ContextSettings, signal?: AbortSignal): Promise<ChatLease | null> {
  const path = resolve(s.modelPath);
  const slot = modelSlot(path);
  const model = await slot.ready;
  const key = poolKey(s);
  let entry = slot.pools.get(key);
  if (entry) touch(slot.pools, key, entry);
  else {
    const created: PoolSlot = { ready: createPool(model, s) };
    created.ready.then(
      (p) => (created.pool = p),
      () => slot.pools.get(key) === created && slot.pools.delete(key),
    );
    slot.pools.set(key, (entry = created));
    // beyond the limit the least recently used context goes, once its calls are done
    for (const [k, old] of slot.pools) {
      if (slot.pools.size <= MAX_CONTEXTS_PER_MODEL) break;
      slot.pools.delete(k);
      void old.ready.then((p) => p.retire(), () => undefined);
    }
  }
  const p = await entry.ready;
  const chat = await p.acquire(signal);
  if (!chat) return null;
  let released = false;
  return {
    llama: model.llama,
    model,
    chat,
    contextSize: p.context.contextSize,
    release: () => {
      if (released) return;
      released = true;
      p.release(chat);
    },
  };
}

/** The grammar for a JSON Schema, built once per schema (building one takes milliseconds). */
export function jsonGrammar(llama: Llama, schema: JsonSchema | undefined): Promise<LlamaGrammar> {
  let cache = grammars.get(llama);
  if (!cache) grammars.set(llama, (cache = new Map()));
  const key = schema ? JSON.stringify(schema) : "";
  let g = cache.get(key);
  if (!g) {
    g = (schema ? llama.createGrammarForJsonSchema(grammarSchema(schema) as never) : llama.getGrammarFor("json")).catch((e: unknown) => {
      cache.delete(key);
      throw new AppError("invalid:json-schema", `The local model cannot build a grammar for this schema: ${describe(e)}`, { cause: e });
    }) as Promise<LlamaGrammar>;
    if (cache.size >= 256) cache.delete(cache.keys().next().value!);
    cache.set(key, g);
  }
  return g;
}
