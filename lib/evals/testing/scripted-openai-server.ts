import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * TEST-ONLY: an OpenAI-compatible HTTP server on 127.0.0.1 whose answers come from a script —
 * the scripted model that stands in for the LLM in tests and benchmarks.
 */
export interface ScriptedRequest {
  path: "/v1/completions" | "/v1/chat/completions";
  headers: http.IncomingHttpHeaders;
  body: { model?: string; prompt?: string; messages?: { role: string; content: string }[]; n?: number; stop?: string[]; temperature?: number; max_tokens?: number };
  /** the prompt (completion) or the last user message (chat) */
  text: string;
}

export type ScriptReply = string[] | { status: number; headers?: Record<string, string>; body?: string };

export interface ScriptedServer {
  url: string;
  requests: ScriptedRequest[];
  close(): Promise<void>;
}

export async function startScriptedOpenAIServer(script: (req: ScriptedRequest) => ScriptReply | Promise<ScriptReply>): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url === "/v1/completions" || req.url === "/v1/chat/completions" ? req.url : null;
    if (req.method !== "POST" || !path) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString()) as ScriptedRequest["body"];
    const text = path === "/v1/completions" ? (body.prompt ?? "") : ([...(body.messages ?? [])].reverse().find((m) => m.role === "user")?.content ?? "");
    const request: ScriptedRequest = { path, headers: req.headers, body, text };
    requests.push(request);
    const reply = await script(request);
    if (!Array.isArray(reply)) {
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(reply.body ?? "{}");
      return;
    }
    const choices = reply.map((t, index) =>
      path === "/v1/completions"
        ? { index, text: t, finish_reason: "stop" }
        : { index, message: { role: "assistant", content: t }, finish_reason: "stop" },
    );
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: "scripted", object: path === "/v1/completions" ? "text_completion" : "chat.completion", model: body.model, choices }));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
