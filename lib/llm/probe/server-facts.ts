/**
 * Pure readers of what OpenAI-compatible servers say about themselves: the served models, the
 * server family and the context length, each where that server puts it.
 */

export interface ModelListFacts {
  ids: string[];
  server?: string;
  contextLength?: number;
  contextSource?: string;
}

type Entry = { id?: unknown; owned_by?: unknown; max_model_len?: unknown; meta?: { n_ctx_train?: unknown }; context_length?: unknown; context_window?: unknown };

const positiveInt = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : undefined);

/** GET /v1/models of vLLM, llama.cpp, LM Studio, Ollama, OpenAI (and Anthropic's /v1/models). */
export function readModelList(json: unknown, model: string): ModelListFacts {
  const data = (json as { data?: unknown })?.data;
  const entries: Entry[] = Array.isArray(data) ? (data as Entry[]) : [];
  const ids = entries.map((e) => (typeof e.id === "string" ? e.id : "")).filter(Boolean);
  const mine = entries.find((e) => typeof e.id === "string" && sameModel(e.id, model)) ?? (entries.length === 1 ? entries[0] : undefined);
  const owner = typeof entries[0]?.owned_by === "string" ? (entries[0].owned_by as string) : "";
  let server: string | undefined;
  if (owner === "vllm" || entries.some((e) => e.max_model_len !== undefined)) server = "vllm";
  else if (owner === "llamacpp" || entries.some((e) => e.meta !== undefined)) server = "llama.cpp";
  else if (owner === "library") server = "ollama";
  else if (owner === "organization_owner") server = "lm-studio";
  else if (owner === "openai" || owner === "system" || /^openai/.test(owner)) server = "openai";
  const facts: ModelListFacts = { ids, server };
  const vllm = positiveInt(mine?.max_model_len);
  const llama = positiveInt(mine?.meta?.n_ctx_train);
  const generic = positiveInt(mine?.context_length) ?? positiveInt(mine?.context_window);
  if (vllm) Object.assign(facts, { contextLength: vllm, contextSource: "vLLM max_model_len (/v1/models)" });
  else if (llama) Object.assign(facts, { contextLength: llama, contextSource: "llama.cpp n_ctx_train (/v1/models)" });
  else if (generic) Object.assign(facts, { contextLength: generic, contextSource: "context_length (/v1/models)" });
  return facts;
}

/** Model ids compare exactly, except Ollama's implicit ":latest" tag. */
export function sameModel(served: string, wanted: string): boolean {
  const norm = (s: string) => s.trim().replace(/:latest$/, "");
  return norm(served) === norm(wanted);
}

/** llama.cpp's GET /props: the context the server was started with (what really bounds a call). */
export function readLlamaCppProps(json: unknown): number | undefined {
  const j = json as { default_generation_settings?: { n_ctx?: unknown }; n_ctx?: unknown } | null;
  return positiveInt(j?.default_generation_settings?.n_ctx) ?? positiveInt(j?.n_ctx);
}

/** LM Studio's GET /api/v0/models/ID: the loaded context if loaded, else the model's maximum. */
export function readLmStudioModel(json: unknown): number | undefined {
  const j = json as { loaded_context_length?: unknown; max_context_length?: unknown } | null;
  return positiveInt(j?.loaded_context_length) ?? positiveInt(j?.max_context_length);
}

/** Ollama's POST /api/show: num_ctx when the model sets it, else the architecture's context_length. */
export function readOllamaShow(json: unknown): { contextLength?: number; fromParameters: boolean } {
  const j = json as { parameters?: unknown; model_info?: Record<string, unknown> } | null;
  const numCtx = typeof j?.parameters === "string" ? /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(j.parameters)?.[1] : undefined;
  if (numCtx) return { contextLength: Number(numCtx), fromParameters: true };
  const info = j?.model_info ?? {};
  const key = Object.keys(info).find((k) => k.endsWith(".context_length"));
  return { contextLength: key ? positiveInt(info[key]) : undefined, fromParameters: false };
}

/** The server's root (without /v1) for the non-OpenAI routes (/props, /api/show, /api/v0). */
export function serverRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "").replace(/\/v\d+[a-z]*$/, "");
}
