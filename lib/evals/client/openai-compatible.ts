import { AppError } from "@/lib/errors";
import { parseRetryAfter } from "@/lib/domain/backoff";
import { DEFAULT_RETRY, RetryableError, withRetries, type RetryPolicy } from "@/lib/evals/client/retry";

/**
 * A minimal client for OpenAI-compatible servers (vLLM, SGLang, Ollama, LM Studio, OpenAI).
 * Plain fetch rather than the AI SDK because evaluation needs the raw wire: `/v1/completions`
 * with `n` choices per request (the AI SDK returns one choice per call), exact stop sequences,
 * and our own retry policy that honours Retry-After. The API key lives in a private field and
 * never appears in errors or logs.
 */
export interface EndpointConfig {
  /** "http://host:8000", "http://host:8000/v1" or a full ".../v1/chat/completions" URL. */
  url: string;
  model: string;
  apiKey?: string;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** OpenAI itself accepts at most 4 stop sequences; vLLM takes any number. */
  maxStopSequences?: number;
  fetchImpl?: typeof fetch;
}

export interface SamplingParams {
  maxTokens: number;
  temperature: number;
  topP?: number;
  n: number;
  stop?: string[];
}

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export function normalizeBaseUrl(url: string): string {
  let u = url.trim().replace(/\/+$/, "");
  u = u.replace(/\/(chat\/)?completions$/, "");
  if (!/\/v\d+[a-z]*$/.test(u)) u += "/v1";
  return u;
}

export class OpenAICompatibleClient {
  readonly baseUrl: string;
  readonly model: string;
  readonly #apiKey: string | undefined;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #maxStop: number;
  readonly #fetch: typeof fetch;

  constructor(config: EndpointConfig) {
    this.baseUrl = normalizeBaseUrl(config.url);
    this.model = config.model;
    this.#apiKey = config.apiKey;
    this.#timeoutMs = config.timeoutMs ?? 600_000;
    this.#retry = { ...DEFAULT_RETRY, ...config.retry };
    this.#maxStop = config.maxStopSequences ?? Infinity;
    this.#fetch = config.fetchImpl ?? fetch;
  }

  /** `/v1/completions`: returns `params.n` texts (several requests if the server gives fewer). */
  async complete(prompt: string, params: SamplingParams, signal?: AbortSignal): Promise<string[]> {
    return this.#collect(params.n, async (n) => {
      const body = { model: this.model, prompt, ...this.#sampling(params, n) };
      const json = await this.#post("/completions", body, signal);
      return choices(json).map((c) => (typeof c.text === "string" ? c.text : ""));
    });
  }

  /** `/v1/chat/completions`: returns `params.n` assistant answers. */
  async chat(messages: ChatMessage[], params: SamplingParams, signal?: AbortSignal): Promise<string[]> {
    return this.#collect(params.n, async (n) => {
      const body = { model: this.model, messages, ...this.#sampling(params, n) };
      const json = await this.#post("/chat/completions", body, signal);
      return choices(json).map((c) => {
        const content = (c.message as { content?: unknown } | undefined)?.content;
        return typeof content === "string" ? content : "";
      });
    });
  }

  #sampling(p: SamplingParams, n: number) {
    const stop = p.stop && p.stop.length > 0 ? p.stop.slice(0, this.#maxStop) : undefined;
    return { max_tokens: p.maxTokens, temperature: p.temperature, ...(p.topP !== undefined ? { top_p: p.topP } : {}), n, ...(stop ? { stop } : {}) };
  }

  async #collect(n: number, request: (n: number) => Promise<string[]>): Promise<string[]> {
    const out: string[] = [];
    for (let round = 0; out.length < n; round++) {
      const got = await request(n - out.length);
      if (got.length === 0 || round > n) throw new AppError("unavailable:endpoint", "The model endpoint returned no choices.");
      out.push(...got.slice(0, n - out.length));
    }
    return out;
  }

  async #post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const url = this.baseUrl + path;
    return withRetries(async () => {
      const timeout = AbortSignal.timeout(this.#timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let res: Response;
      try {
        res = await this.#fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {}) },
          body: JSON.stringify(body),
          signal: combined,
        });
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        // Timeouts and connection resets are worth another attempt.
        throw new RetryableError(timeout.aborted ? `request to ${url} timed out` : `request to ${url} failed: ${(e as Error).message}`);
      }
      if (res.status === 429 || res.status === 408 || res.status >= 500) {
        await res.body?.cancel();
        throw new RetryableError(`${url} answered HTTP ${res.status}`, parseRetryAfter(res.headers.get("retry-after")));
      }
      const text = await res.text();
      if (!res.ok) {
        const code = res.status === 401 || res.status === 403 ? "unauthorized:endpoint" : "invalid:endpoint";
        throw new AppError(code, `${url} refused the request with HTTP ${res.status}.`, { status: 502, detail: { body: text.slice(0, 2000) } });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new RetryableError(`${url} answered with a body that is not JSON`);
      }
    }, this.#retry, signal);
  }
}

function choices(json: unknown): Record<string, unknown>[] {
  const list = (json as { choices?: unknown })?.choices;
  if (!Array.isArray(list)) throw new AppError("unavailable:endpoint", "The model endpoint answered without `choices`.");
  return [...(list as Record<string, unknown>[])].sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
}
