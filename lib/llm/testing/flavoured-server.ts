import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * TEST-ONLY: an HTTP server on 127.0.0.1 that answers the discovery and chat routes the way a
 * given OpenAI-compatible server does (its /v1/models shape, its side routes, the response_format
 * it refuses and how), for the connection test's tests and e2e.
 */
export type Flavour = "vllm" | "llama.cpp" | "llama.cpp-old" | "lm-studio" | "ollama";

export interface FlavouredServerOptions {
  flavour: Flavour;
  models: string[];
  /** answer 401 unless `authorization: Bearer <apiKey>` */
  apiKey?: string;
  contextLength?: number;
  chatDelayMs?: number;
}

export interface FlavouredServer {
  url: string;
  /** method and path of every request, in order */
  hits: string[];
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

export async function startFlavouredServer(o: FlavouredServerOptions): Promise<FlavouredServer> {
  const hits: string[] = [];
  const ctx = o.contextLength ?? 8192;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? "").split("?")[0];
    hits.push(`${req.method} ${path}`);
    if (o.apiKey && req.headers.authorization !== `Bearer ${o.apiKey}`) {
      return json(res, 401, o.flavour === "vllm" ? { error: "Unauthorized" } : { error: { message: "Invalid API Key", type: "authentication_error", code: 401 } });
    }
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as { model?: string; response_format?: { type?: string } }) : {};
    if (req.method === "GET" && path === "/v1/models") return json(res, 200, modelList(o, ctx));
    if (req.method === "GET" && path === "/props" && o.flavour.startsWith("llama.cpp")) return json(res, 200, { default_generation_settings: { n_ctx: ctx }, total_slots: 1 });
    if (req.method === "GET" && path.startsWith("/api/v0/models/") && o.flavour === "lm-studio") {
      return json(res, 200, { id: decodeURIComponent(path.slice("/api/v0/models/".length)), type: "llm", state: "loaded", max_context_length: ctx * 4, loaded_context_length: ctx });
    }
    if (req.method === "POST" && path === "/api/show" && o.flavour === "ollama") return json(res, 200, { model_info: { "general.architecture": "qwen2", "qwen2.context_length": ctx } });
    if (req.method === "POST" && path === "/v1/chat/completions") {
      if (!o.models.includes(body.model ?? "") && o.flavour === "vllm") return json(res, 404, { object: "error", message: `The model \`${body.model}\` does not exist.`, type: "NotFoundError", code: 404 });
      const refused = refusal(o.flavour, body.response_format?.type);
      if (refused) return json(res, refused.status, refused.body);
      if (o.chatDelayMs) await new Promise((r) => setTimeout(r, o.chatDelayMs));
      const content = body.response_format ? '{"ok": true}' : "OK";
      return json(res, 200, { id: "c1", object: "chat.completion", model: body.model, choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] });
    }
    return json(res, 404, { error: { message: `Not found: ${path}` } });
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    hits,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

function modelList(o: FlavouredServerOptions, ctx: number) {
  switch (o.flavour) {
    case "vllm":
      return { object: "list", data: o.models.map((id) => ({ id, object: "model", created: 0, owned_by: "vllm", root: id, parent: null, max_model_len: ctx })) };
    case "llama.cpp":
    case "llama.cpp-old":
      return { object: "list", data: o.models.map((id) => ({ id, object: "model", created: 0, owned_by: "llamacpp", meta: { vocab_type: 2, n_vocab: 151936, n_ctx_train: ctx * 4 } })) };
    case "lm-studio":
      return { object: "list", data: o.models.map((id) => ({ id, object: "model", owned_by: "organization_owner" })) };
    case "ollama":
      return { object: "list", data: o.models.map((id) => ({ id, object: "model", created: 0, owned_by: "library" })) };
  }
}

/** What each server answers to a response_format it does not take (shapes from their sources). */
function refusal(f: Flavour, type: string | undefined): { status: number; body: unknown } | null {
  if (f === "lm-studio" && type === "json_object") return { status: 400, body: { error: "'response_format.type' must be 'json_schema' or 'text'" } };
  if (f === "llama.cpp-old" && type === "json_schema") return { status: 400, body: { error: { code: 400, message: 'response_format type must be one of "text" or "json_object", but got: json_schema', type: "invalid_request_error" } } };
  return null;
}
