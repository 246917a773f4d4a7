import "server-only";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import { redactSecrets, secretValues } from "@/lib/domain/secrets";
import { checkGgufFile } from "./probe/probe-local";
import { ProbeFailure, probeRequest, serverMessage, type HttpAnswer } from "./probe/probe-http";
import type { ProbeResult } from "./probe/probe-result";
import { readLlamaCppProps, readLmStudioModel, readModelList, readOllamaShow, sameModel, serverRoot } from "./probe/server-facts";

/**
 * Tests an endpoint once: the models it serves and whether ours is one, the latency of a tiny
 * chat call, the structured-output mode it accepts (json_schema, else json_object, else none) and
 * its context length where the server says it. Failures come back as `ok: false` with the reason
 * in words, never as a throw. `quick` (the check before a job starts) only lists the models.
 */
export interface ProbeOptions {
  /** per request; the whole probe makes at most ~7 requests */
  timeoutMs?: number;
  quick?: boolean;
  /** only check that the server answers: the model may not be served yet (an ablation's trained models) */
  skipModelCheck?: boolean;
}

type Target = Pick<ModelEndpoint, "provider" | "model" | "baseURL" | "apiKey" | "headers" | "modelPath">;

const DEFAULT_BASE: Partial<Record<ModelEndpoint["provider"], string>> = { openai: "https://api.openai.com/v1", anthropic: "https://api.anthropic.com/v1" };

export async function probeEndpoint(endpoint: Target, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const started = performance.now();
  const notes: string[] = [];
  const partial: Partial<ProbeResult> = {};
  // the result is stored and shown; a server's refusal may quote the key it was sent
  const done = (r: Partial<ProbeResult> & { ok: boolean }): ProbeResult =>
    redactSecrets({ ...partial, ...r, notes, tookMs: Math.round(performance.now() - started) }, secretValues([endpoint]));
  try {
    if (endpoint.provider === "scripted") {
      notes.push("The demo model answers instantly, offline, with canned answers.");
      return done({ ok: true, server: "demo", servedModels: [endpoint.model], modelServed: true, latencyMs: 0, structuredOutput: "json_schema" });
    }
    if (endpoint.provider === "local") {
      const { bytes } = await checkGgufFile(endpoint.modelPath);
      notes.push("Runs in-process with node-llama-cpp; JSON is constrained by a grammar.");
      return done({ ok: true, server: "node-llama-cpp (in-process)", fileBytes: bytes });
    }
    await probeServer(endpoint, opts, partial, notes);
    return done({ ok: true });
  } catch (e) {
    if (e instanceof ProbeFailure) return done({ ok: false, error: e.message, errorKind: e.kind });
    throw e;
  }
}

async function probeServer(endpoint: Target, opts: ProbeOptions, out: Partial<ProbeResult>, notes: string[]): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const base = (endpoint.baseURL ?? DEFAULT_BASE[endpoint.provider] ?? "").replace(/\/+$/, "");
  if (!base) throw new ProbeFailure("config", "No base URL set (e.g. http://127.0.0.1:8000/v1).");
  const anthropic = endpoint.provider === "anthropic";
  const headers: Record<string, string> = { ...endpoint.headers };
  if (endpoint.apiKey) Object.assign(headers, anthropic ? { "x-api-key": endpoint.apiKey } : { authorization: `Bearer ${endpoint.apiKey}` });
  if (anthropic) headers["anthropic-version"] = "2023-06-01";
  const hasKey = Boolean(endpoint.apiKey);

  const models = await probeRequest(`${base}/models`, { headers, timeoutMs });
  const listed = models.status >= 200 && models.status < 300;
  if (models.status === 401 || models.status === 403) throw authFailure(models, hasKey);
  if (listed) {
    const facts = readModelList(models.json, endpoint.model);
    Object.assign(out, { server: facts.server, servedModels: facts.ids, contextLength: facts.contextLength, contextSource: facts.contextSource });
    out.modelServed = facts.ids.length ? facts.ids.some((id) => sameModel(id, endpoint.model)) : null;
    if (out.modelServed === false && !opts.skipModelCheck) {
      if (facts.server === "llama.cpp" && facts.ids.length === 1) notes.push(`llama.cpp serves one model (${facts.ids[0]}) whatever name is asked for.`);
      else throw new ProbeFailure("model", `The server does not serve the model "${endpoint.model}". It serves: ${facts.ids.slice(0, 20).join(", ")}${facts.ids.length > 20 ? `, … (${facts.ids.length} in all)` : ""}.`);
    }
  } else if (models.status === 404) {
    out.modelServed = null;
    notes.push(`${base}/models is not there (HTTP 404), so the served models are unknown.`);
  } else if (models.status === 429) {
    notes.push("The server is rate-limiting (HTTP 429); the test could not list its models.");
  } else {
    throw new ProbeFailure("http", `Listing the models failed: HTTP ${models.status} from ${base}/models: ${serverMessage(models)}`);
  }
  if (opts.quick) return;

  const chat = await chatCall(base, endpoint, headers, timeoutMs, anthropic);
  if (chat.status === 401 || chat.status === 403) throw authFailure(chat, hasKey);
  if (chat.status === 404) {
    const msg = serverMessage(chat);
    if (/model/i.test(msg) && listed) throw new ProbeFailure("model", `The server does not serve the model "${endpoint.model}" (HTTP 404: ${msg}).`);
    const hint = /\/v\d+[a-z]*$/.test(base) ? "" : ' It usually ends in "/v1".';
    throw new ProbeFailure("not_found", `${base}${anthropic ? "/messages" : "/chat/completions"} does not exist (HTTP 404): the base URL is probably wrong.${hint}`);
  }
  if (chat.status === 429) {
    notes.push("The chat test was rate-limited (HTTP 429): latency and structured output are unknown.");
    return;
  }
  if (chat.status < 200 || chat.status >= 300) throw new ProbeFailure("http", `A one-word chat request failed: HTTP ${chat.status}: ${serverMessage(chat)}`);
  out.latencyMs = Math.round(chat.ms);

  if (!anthropic) {
    out.structuredOutput = await structuredMode(base, endpoint, headers, timeoutMs, notes);
    // llama.cpp's /v1/models gives the training context; /props the one the server runs with
    if (out.contextLength === undefined || out.server === "llama.cpp") await contextFromServerRoutes(base, endpoint, headers, Math.min(timeoutMs, 5_000), out, notes);
  } else {
    notes.push("Anthropic: JSON is asked for through the AI SDK's tool calls.");
  }
}

function authFailure(a: HttpAnswer, hasKey: boolean): ProbeFailure {
  return new ProbeFailure(
    "auth",
    hasKey
      ? `The server refused the API key (HTTP ${a.status}): ${serverMessage(a)}. Check the key in Settings.`
      : `The server wants an API key (HTTP ${a.status}) and none is set: add it in Settings.`,
  );
}

function chatCall(base: string, e: Target, headers: Record<string, string>, timeoutMs: number, anthropic: boolean) {
  const messages = [{ role: "user", content: "Reply with the word OK." }];
  return anthropic
    ? probeRequest(`${base}/messages`, { method: "POST", headers, timeoutMs, body: { model: e.model, max_tokens: 4, messages } })
    : probeRequest(`${base}/chat/completions`, { method: "POST", headers, timeoutMs, body: { model: e.model, max_tokens: 4, temperature: 0, messages } });
}

const PROBE_SCHEMA = { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"], additionalProperties: false };

/** json_schema, else json_object, else none; 429 or a dead server leaves it unknown. */
async function structuredMode(base: string, e: Target, headers: Record<string, string>, timeoutMs: number, notes: string[]): Promise<ProbeResult["structuredOutput"]> {
  const formats = [
    ["json_schema", { type: "json_schema", json_schema: { name: "probe", strict: true, schema: PROBE_SCHEMA } }],
    ["json_object", { type: "json_object" }],
  ] as const;
  for (const [mode, responseFormat] of formats) {
    const a = await probeRequest(`${base}/chat/completions`, {
      method: "POST", headers, timeoutMs,
      body: { model: e.model, max_tokens: 16, temperature: 0, messages: [{ role: "user", content: 'Answer with the JSON object {"ok": true} and nothing else.' }], response_format: responseFormat },
    });
    if (a.status >= 200 && a.status < 300) return mode;
    if (a.status === 429) {
      notes.push("Rate-limited (HTTP 429) while testing structured output: the mode is unknown and found as calls go.");
      return undefined;
    }
    notes.push(`The server refused response_format ${mode} (HTTP ${a.status}: ${serverMessage(a)}).`);
  }
  return "none";
}

/** llama.cpp /props, LM Studio /api/v0/models/ID, Ollama /api/show: best effort, failures ignored. */
async function contextFromServerRoutes(base: string, e: Target, headers: Record<string, string>, timeoutMs: number, out: Partial<ProbeResult>, notes: string[]): Promise<void> {
  const root = serverRoot(base);
  const all: [string, () => Promise<number | undefined>][] = [
    ["llama.cpp n_ctx (/props)", async () => ok(await probeRequest(`${root}/props`, { headers, timeoutMs }), readLlamaCppProps)],
    ["LM Studio context length (/api/v0/models)", async () => ok(await probeRequest(`${root}/api/v0/models/${encodeURIComponent(e.model)}`, { headers, timeoutMs }), readLmStudioModel)],
    ["Ollama (/api/show)", async () => {
      const a = await probeRequest(`${root}/api/show`, { method: "POST", headers, timeoutMs, body: { model: e.model } });
      const r = ok(a, readOllamaShow);
      if (r?.contextLength && !r.fromParameters) notes.push("Ollama serves with its default num_ctx unless the model sets one; the model's own context is shown.");
      return r?.contextLength;
    }],
  ];
  const routeOf: Record<string, number> = { "llama.cpp": 0, "lm-studio": 1, ollama: 2 };
  const known = out.server !== undefined ? routeOf[out.server] : undefined;
  if (out.server !== undefined && known === undefined) return; // vLLM, OpenAI: nothing more to ask
  const tries = known !== undefined ? [all[known]] : all;
  for (const [source, read] of tries) {
    const n = await read().catch(() => undefined);
    if (n) {
      Object.assign(out, { contextLength: n, contextSource: source });
      return;
    }
  }
}

function ok<T>(a: HttpAnswer, read: (json: unknown) => T): T | undefined {
  return a.status >= 200 && a.status < 300 && a.json ? read(a.json) : undefined;
}
