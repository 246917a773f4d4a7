import http from "node:http";
import type { AddressInfo } from "node:net";
import { hashString, rngFor } from "@/lib/domain/seeded-rng";
import { sleep } from "@/lib/domain/sleep";
import { allText, replyTo, type ChatBody } from "./flawed-answer";
import { flawedServerConfigSchema, type FlawedServerConfigInput } from "./flawed-server-config";

/**
 * TEST-ONLY: an OpenAI-compatible server on 127.0.0.1 (`/v1/chat/completions`, `/v1/models`)
 * that answers the ways real model servers do (flawed-answer.ts), deterministically for a seed:
 * the answer to a request depends on the seed, the messages, the request's seed and how many
 * times the same request came before. `GET /stats` counts requests by prompt kind, status,
 * response_format and flaw, for assertions and the benchmark.
 */

export interface FlawedServerStats {
  requests: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  byFormat: Record<string, number>;
  flaws: Record<string, number>;
  maxInFlight: number;
  /** CPU time of the server's process since it started, ms (user + system) */
  cpuMs: number;
}

export interface FlawedServer {
  url: string;
  stats(): FlawedServerStats;
  close(): Promise<void>;
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

export async function startFlawedServer(input: FlawedServerConfigInput = {}, port = 0): Promise<FlawedServer> {
  const config = flawedServerConfigSchema.parse(input);
  const asked = new Map<number, number>();
  const stats: FlawedServerStats = { requests: 0, byStatus: {}, byKind: {}, byFormat: {}, flaws: {}, maxInFlight: 0, cpuMs: 0 };
  let inFlight = 0;

  async function chat(body: ChatBody, res: http.ServerResponse, signal: AbortSignal) {
    stats.requests++;
    bump(stats.byFormat, body.response_format?.type ?? "none");
    const key = hashString(allText(body), body.seed ?? 0);
    const nth = asked.get(key) ?? 0;
    asked.set(key, nth + 1);
    const reply = replyTo(body, config, rngFor(config.seed, key, nth));
    for (const f of reply.flaws) bump(stats.flaws, f);
    if (reply.kind === "error") {
      bump(stats.byStatus, String(reply.status));
      await sleep(config.latencyMs, signal);
      return send(res, reply.status, reply.body, reply.headers);
    }
    bump(stats.byKind, reply.promptKind ?? "unknown");
    bump(stats.byStatus, "200");
    await sleep(reply.slow ? config.slowMs : config.latencyMs, signal);
    if (signal.aborted) return;
    send(res, 200, {
      id: `chatcmpl-${key.toString(16)}-${nth}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? config.model,
      choices: [{ index: 0, message: { role: "assistant", content: reply.content }, finish_reason: reply.finishReason }],
      usage: { prompt_tokens: reply.promptTokens, completion_tokens: reply.completionTokens, total_tokens: reply.promptTokens + reply.completionTokens },
    });
  }

  const server = http.createServer(async (req, res) => {
    const abort = new AbortController();
    // only a client gone before the answer cancels it (an abort per finished request cost CPU)
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === "GET" && req.url === "/stats") {
      const cpu = process.cpuUsage();
      return send(res, 200, { ...stats, cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
    }
    if (req.method === "GET" && req.url === "/v1/models") {
      return send(res, 200, { object: "list", data: [{ id: config.model, object: "model", owned_by: "xinstruct-test", ...(config.contextLength ? { max_model_len: config.contextLength } : {}) }] });
    }
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
    let body: ChatBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString()) as ChatBody;
    } catch {
      return send(res, 400, { error: { message: "the body is not JSON", type: "invalid_request_error" } });
    }
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    try {
      await chat(body, res, abort.signal);
    } finally {
      inFlight--;
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    stats: () => structuredClone(stats),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
