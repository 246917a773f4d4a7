/**
 * The probe's HTTP edge: one request with a deadline, and network failures put in plain words.
 * Never includes request headers (the API key) in what it returns or throws.
 */

export class ProbeFailure extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
    this.name = "ProbeFailure";
  }
}

export interface HttpAnswer {
  status: number;
  /** parsed JSON body, or null when the body is not JSON */
  json: unknown;
  text: string;
  ms: number;
}

export async function probeRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs: number }): Promise<HttpAnswer> {
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(init.timeoutMs),
      redirect: "follow",
    });
  } catch (e) {
    throw networkFailure(e, url, init.timeoutMs);
  }
  let text = "";
  try {
    text = await res.text();
  } catch (e) {
    throw networkFailure(e, url, init.timeoutMs);
  }
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text, ms: performance.now() - started };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Connection refused, unknown host, timeout, TLS: what a user can act on. */
export function networkFailure(e: unknown, url: string, timeoutMs: number): ProbeFailure {
  const host = hostOf(url);
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") {
    return new ProbeFailure("timeout", `No answer from ${host} within ${(timeoutMs / 1000).toFixed(1)} s: the server is down, overloaded or behind a firewall.`);
  }
  const code = err?.cause?.code ?? "";
  const causeMessage = err?.cause?.message ?? err?.message ?? String(e);
  if (code === "ECONNREFUSED") return new ProbeFailure("refused", `Connection refused by ${host}: nothing is listening there. Is the model server started, and on this port?`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new ProbeFailure("dns", `The host name in ${host} does not resolve (DNS): check the base URL for a typo.`);
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return new ProbeFailure("timeout", `Connecting to ${host} timed out: the host is unreachable or a firewall drops the connection.`);
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return new ProbeFailure("reset", `${host} closed the connection without an answer: is it an HTTP (not HTTPS) server on that port, and does it speak the OpenAI API?`);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return new ProbeFailure("unreachable", `${host} is unreachable from this machine (no route to host).`);
  if (/CERT|SSL|TLS|self.signed/i.test(code + causeMessage)) return new ProbeFailure("tls", `The TLS certificate of ${host} was refused (${causeMessage}).`);
  if (/bad port/i.test(causeMessage)) return new ProbeFailure("refused", `The port in ${host} is one browsers and Node refuse to connect to: choose another port.`);
  return new ProbeFailure("network", `Could not reach ${host}: ${causeMessage}.`);
}

/** The server's own error message from an OpenAI-style (or any) error body, shortened. */
export function serverMessage(a: HttpAnswer): string {
  const j = a.json as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown } | null;
  const raw =
    (typeof j?.error === "object" && typeof j.error?.message === "string" && j.error.message) ||
    (typeof j?.error === "string" && j.error) ||
    (typeof j?.message === "string" && j.message) ||
    (typeof j?.detail === "string" && j.detail) ||
    a.text;
  const one = String(raw).replace(/\s+/g, " ").trim();
  return one.length > 300 ? `${one.slice(0, 300)}…` : one || `HTTP ${a.status}`;
}
