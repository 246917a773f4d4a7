import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepAliveFetch } from "./keep-alive-fetch";

/** The HTTP providers' fetch against a real server on 127.0.0.1: what the AI SDK relies on of fetch. */

let server: http.Server;
let base: string;
let connections = 0;
const seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    let body = "";
    for await (const c of req) body += c;
    seen.push({ method: req.method, url: req.url, body, headers: req.headers });
    if (req.url === "/json") return res.writeHead(200, { "content-type": "application/json", "x-request": String(seen.length) }).end(JSON.stringify({ echo: JSON.parse(body) }));
    if (req.url === "/gzip") return res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(zlib.gzipSync(JSON.stringify({ zipped: true })));
    if (req.url === "/moved") return res.writeHead(307, { location: "/json" }).end();
    if (req.url === "/busy") return res.writeHead(429, { "retry-after": "2", "content-type": "application/json" }).end(`{"error":{"message":"slow down"}}`);
    if (req.url === "/slow") return setTimeout(() => res.writeHead(200).end("late"), 2_000);
    res.writeHead(404).end();
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

const post = (path: string, body: unknown, init: RequestInit = {}) => keepAliveFetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": "application/json", authorization: "Bearer k" }, body: JSON.stringify(body), ...init });

describe("keepAliveFetch", () => {
  it("sends the POST as given and reuses one connection for calls one after another", async () => {
    const before = connections;
    for (let i = 0; i < 5; i++) {
      const r = await post("/json", { i, text: "naïve ✓" });
      expect(r.status).toBe(200);
      expect(r.ok).toBe(true);
      expect(r.headers.get("content-type")).toBe("application/json");
      expect(await r.json()).toEqual({ echo: { i, text: "naïve ✓" } });
    }
    expect(connections - before).toBe(1);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: "POST", url: "/json" });
    expect(last.headers["content-type"]).toBe("application/json");
    expect(last.headers.authorization).toBe("Bearer k");
    expect(Number(last.headers["content-length"])).toBe(Buffer.byteLength(last.body));
  });

  it("decodes a gzip body, as fetch does", async () => {
    expect(await (await post("/gzip", {})).json()).toEqual({ zipped: true });
  });

  it("hands an error status back as a response with its headers and body", async () => {
    const r = await post("/busy", {});
    expect(r.status).toBe(429);
    expect(r.ok).toBe(false);
    expect(r.headers.get("retry-after")).toBe("2");
    expect(await r.text()).toContain("slow down");
  });

  it("follows a redirect with the same POST", async () => {
    const r = await post("/moved", { moved: 1 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ echo: { moved: 1 } });
  });

  it("rejects with the signal's reason when the signal fires before the answer", async () => {
    const started = Date.now();
    const error = await post("/slow", {}, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(1_500);
    const controller = new AbortController();
    controller.abort(new Error("stopped by the user"));
    await expect(post("/json", {}, { signal: controller.signal })).rejects.toThrow("stopped by the user");
  });

  it("fails as fetch does when nothing listens: TypeError 'fetch failed' with the cause", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await keepAliveFetch(`http://127.0.0.1:${port}/v1/chat/completions`, { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("fetch failed");
    expect(((error as Error).cause as { code?: string }).code).toBe("ECONNREFUSED");
  });
});
