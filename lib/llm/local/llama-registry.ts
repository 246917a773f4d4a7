import "server-only";
import { resolve } from "node:path";
import type { Llama, LlamaChat, LlamaContext, LlamaGrammar, LlamaModel } from "node-llama-cpp";
import { AppError } from "@/lib/errors";
import { checkGgufFile } from "./gguf-file";
import { grammarSchema, type JsonSchema } from "./grammar-schema";

/**
 * The process's llama.cpp: one runtime, each GGUF file loaded once and shared by every endpoint
 * and run that names it (loading is slow and the weights are big), and per model a context whose
 * sequences are leased to concurrent calls, one call per sequence, the rest waiting in line.
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

let runtime: Promise<Llama> | undefined;
const models = new Map<string, Promise<LlamaModel>>();
const pools = new Map<string, Promise<SequencePool>>();
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

function loadModel(resolved: string): Promise<LlamaModel> {
  let loaded = models.get(resolved);
  if (!loaded) {
    loaded = (async () => {
      await checkGgufFile(resolved);
      const llama = await getLlamaRuntime();
      return llama.loadModel({ modelPath: resolved }).catch((e: unknown) => {
        throw new AppError("unavailable:local-model", `Could not load the model ${resolved}: ${describe(e)}`, { cause: e });
      });
    })();
    loaded.catch(() => models.delete(resolved));
    models.set(resolved, loaded);
  }
  return loaded;
}

/** Sequences of one context, leased one call at a time; callers beyond them wait in order. */
class SequencePool {
  private free: LlamaChat[];
  private waiting: { resolve: (chat: LlamaChat) => void; reject: (e: unknown) => void; signal?: AbortSignal; onAbort?: () => void }[] = [];
  private leased = 0;
  private retired = false;

  constructor(
    readonly context: LlamaContext,
    chats: LlamaChat[],
  ) {
    this.free = chats;
  }

  acquire(signal?: AbortSignal): Promise<LlamaChat> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const chat = this.free.pop();
    if (chat) {
      this.leased++;
      return Promise.resolve(chat);
    }
    return new Promise((resolve, reject) => {
      const waiter: (typeof this.waiting)[number] = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.waiting = this.waiting.filter((w) => w !== waiter);
          reject(signal.reason);
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
    });
  }

  release(chat: LlamaChat): void {
    const next = this.waiting.shift();
    if (next) {
      if (next.onAbort) next.signal?.removeEventListener("abort", next.onAbort);
      next.resolve(chat);
      return;
    }
    this.leased--;
    this.free.push(chat);
    if (this.retired && this.leased === 0) void this.context.dispose();
  }

  /** frees the context once its last call is done (another context replaced it) */
  retire(): void {
    this.retired = true;
    if (this.leased === 0) void this.context.dispose();
  }
}

function poolKey(path: string, s: ContextSettings): string {
  return `${path}|threads=${s.threads}|ctx=${s.contextLength ?? "auto"}|seq=${s.sequences}`;
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
  const path = resolve(s.modelPath);
  const model = await loadModel(path);
  const key = poolKey(path, s);
  let pool = pools.get(key);
  if (!pool) {
    pool = createPool(model, s).catch((e: unknown) => {
      pools.delete(key);
      throw e;
    });
    // one context per model file: a new thread count or size replaces the old context
    for (const [k, other] of pools) if (k.startsWith(`${path}|`)) void other.then((p) => p.retire(), () => undefined);
    for (const k of [...pools.keys()]) if (k.startsWith(`${path}|`)) pools.delete(k);
    pools.set(key, pool);
  }
  const p = await pool;
  const chat = await p.acquire(signal);
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
