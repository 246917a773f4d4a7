import "server-only";
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

/**
 * The `fetch` the HTTP providers (OpenAI-compatible, OpenAI, Anthropic) are given: one JSON POST
 * over node:http(s) with keep-alive agents, the answer read whole. Node's global fetch (undici)
 * spent about 0.4 ms CPU more per model call (web streams, a cloned request, a tee'd body),
 * which on a small machine at 64 calls in flight caps throughput well below what the server
 * gives (issue 12, `npm run bench:real-models`).
 *
 * Same contract as fetch for what the providers do: a network failure rejects with
 * TypeError("fetch failed", { cause }) (the AI SDK makes that a retryable APICallError), an
 * abort rejects with the signal's reason, gzip/deflate/br bodies are decoded. Anything else
 * (a non-string body, a redirect, a non-HTTP URL) goes to the global fetch, which is the
 * reference behaviour. The body is buffered, so this is for request/response calls, not streams.
 */

// `timeout` closes a connection idle for 4 s (undici's default; sooner when the server's
// Keep-Alive header says so), before a server drops it under a request; a request in flight
// on it is not affected (checked: a 600 ms answer on a 300 ms agent timeout completes)
const agentOptions = { keepAlive: true, keepAliveMsecs: 1_000, timeout: 4_000, maxSockets: 512, maxFreeSockets: 256, scheduling: "lifo" as const };
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function plainHeaders(h: RequestInit["headers"]): Record<string, string> {
  if (h === undefined) return {};
  if (h instanceof Headers || Array.isArray(h)) return Object.fromEntries(new Headers(h));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = String(v);
  return out;
}

function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

export function keepAliveFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const href = typeof input === "string" ? input : input instanceof URL ? input.href : null;
  const body = init.body;
  if (href === null || (body != null && typeof body !== "string") || init.redirect === "manual" || init.redirect === "error") return fetch(input, init);
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return fetch(input, init);
  }
  const client = url.protocol === "http:" ? http : url.protocol === "https:" ? https : null;
  if (client === null) return fetch(input, init);
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);

  const headers = plainHeaders(init.headers);
  const lower = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
  if (!lower.has("accept-encoding")) headers["accept-encoding"] = "gzip, deflate, br";
  if (body != null && !lower.has("content-length")) headers["content-length"] = String(Buffer.byteLength(body));

  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => finish(() => (req.destroy(), reject(signal!.reason)));
    const req = client.request(url, { method: init.method ?? "GET", headers, agent: client === http ? httpAgent : httpsAgent }, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location) {
        // fetch follows redirects (and rewrites a 303's method); let it, from the start
        res.resume();
        return finish(() => resolve(fetch(input, init)));
      }
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", (e) => finish(() => reject(new TypeError("fetch failed", { cause: e }))));
      res.on("end", () =>
        finish(() => {
          try {
            const raw = res.rawHeaders;
            const pairs: [string, string][] = [];
            for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i], raw[i + 1]]);
            const nullBody = status === 204 || status === 205 || status === 304 || init.method === "HEAD";
            // a Buffer over a plain ArrayBuffer (never a shared one): what Response takes
            const bytes = nullBody ? null : (decoded(Buffer.concat(chunks), res.headers["content-encoding"]) as Uint8Array<ArrayBuffer>);
            resolve(new Response(bytes, { status, statusText: res.statusMessage, headers: pairs }));
          } catch (e) {
            reject(new TypeError("fetch failed", { cause: e }));
          }
        }),
      );
    });
    req.on("error", (e) => finish(() => reject(new TypeError("fetch failed", { cause: e }))));
    signal?.addEventListener("abort", onAbort, { once: true });
    req.end(body ?? undefined);
  });
}
