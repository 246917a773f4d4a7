import "server-only";
import { generateText, NoObjectGeneratedError, Output, zodSchema, type LanguageModel, type ModelMessage } from "ai";
import type { z } from "zod";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import type { BuiltPrompt, PromptKind } from "@/lib/domain/prompts/prompt-kinds";
import type { ModelRole, RunConfig } from "@/lib/domain/run-config";
import { deriveSeed, hashString } from "@/lib/domain/seeded-rng";
import { AppError } from "@/lib/errors";
import { LimiterRegistry } from "./concurrency-limiter";
import { describeInvalidOutput, feedbackMessage, looksLikeRefusal } from "./output-feedback";
import { getModel } from "./providers";
import { backoffMs, classifyError, type CallErrorKind } from "./retry-policy";
import { addUsage, callCost, ZERO_USAGE, type Usage } from "./usage";
import { sleep as wakeableSleep } from "@/lib/domain/sleep";

/**
 * Structured model calls for the agents. One `call` = one step: it returns a validated value or
 * a recorded failure, never throws (except on a programming error). Malformed answers are
 * re-asked with the validation error fed back; 429 / 5xx / timeouts are retried with backoff;
 * each endpoint has a concurrency limit; an AbortSignal cancels. Every attempt is a CallRecord
 * with its tokens and cost, for the run's events and totals.
 */

export type CallOutcome = "ok" | "invalid-output" | "refusal" | Exclude<CallErrorKind, "cancelled"> | "cancelled";

export interface CallRecord {
  role: ModelRole;
  kind: PromptKind;
  endpoint: string;
  model: string;
  attempt: number;
  outcome: CallOutcome;
  /** raw answer text when the model answered */
  text?: string;
  error?: string;
  status?: number;
  /** the wait before the next attempt, when one follows */
  retryInMs?: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
  durationMs: number;
}

export interface StepFailure {
  kind: "invalid-output" | "refusal" | "unavailable" | "cancelled" | "error";
  message: string;
}

interface StepBase {
  prompt: BuiltPrompt;
  role: ModelRole;
  calls: CallRecord[];
  usage: Usage;
}

export type StepResult<T> = (StepBase & { ok: true; value: T; text: string }) | (StepBase & { ok: false; failure: StepFailure });

export interface RoleSettings {
  endpoint: string;
  temperature: number;
  maxOutputTokens: number;
}

export interface CallRequest<T> {
  role: ModelRole;
  /** a stable name of the step, e.g. "ds1:snip-3:0/instruction": the call's sampling seed derives from it */
  step?: string;
  prompt: BuiltPrompt;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

export interface ModelClient {
  call<T>(request: CallRequest<T>): Promise<StepResult<T>>;
  endpointFor(role: ModelRole): ModelEndpoint;
  /** everything this client has spent so far */
  usage(): Usage;
}

export interface ModelClientOptions {
  endpoints: ModelEndpoint[];
  roles: Record<ModelRole, RoleSettings>;
  /** passed to the model as its sampling seed; the scripted model answers from it */
  seed?: number;
  limiters?: LimiterRegistry;
  resolveModel?: (endpoint: ModelEndpoint) => LanguageModel;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const schemas = new WeakMap<object, ReturnType<typeof zodSchema>>();
function cachedSchema(schema: z.ZodType) {
  let s = schemas.get(schema);
  if (!s) schemas.set(schema, (s = zodSchema(schema)));
  return s;
}


export function createModelClient(options: ModelClientOptions): ModelClient {
  const limiters = options.limiters ?? new LimiterRegistry();
  const resolve = options.resolveModel ?? getModel;
  const sleep = options.sleep ?? wakeableSleep;
  const models = new Map<string, LanguageModel>();
  let total: Usage = ZERO_USAGE;

  const endpointFor = (role: ModelRole): ModelEndpoint => {
    const name = options.roles[role].endpoint;
    const e = options.endpoints.find((x) => x.name === name);
    if (!e) throw new AppError("invalid:run-config", `No model endpoint named "${name}" for the ${role} role.`);
    return e;
  };
  const modelFor = (e: ModelEndpoint) => {
    let m = models.get(e.name);
    if (!m) models.set(e.name, (m = resolve(e)));
    return m;
  };

  async function call<T>({ role, step, prompt, schema, signal }: CallRequest<T>): Promise<StepResult<T>> {
    const endpoint = endpointFor(role);
    const settings = options.roles[role];
    const model = modelFor(endpoint);
    const limiter = limiters.for(endpoint.name, endpoint.concurrency);
    const messages: ModelMessage[] = [{ role: "user", content: prompt.user }];
    const calls: CallRecord[] = [];
    let usage = ZERO_USAGE;
    let reasks = 0;
    let retries = 0;
    const base = { prompt, role };
    // per-step seeds keep answers independent of the order in which concurrent steps run
    const seed = step !== undefined ? deriveSeed(options.seed ?? 0, step) : options.seed;
    const fail = (kind: StepFailure["kind"], message: string): StepResult<T> => ({ ...base, ok: false, failure: { kind, message }, calls, usage });

    for (let attempt = 1; ; attempt++) {
      let release: () => void;
      try {
        release = await limiter.acquire(signal);
      } catch {
        return fail("cancelled", "cancelled while waiting for the endpoint");
      }
      const started = performance.now();
      const timeout = AbortSignal.timeout(endpoint.timeoutMs);
      const record = (r: Omit<CallRecord, "role" | "kind" | "endpoint" | "model" | "attempt" | "durationMs" | "costUsd">) => {
        const c: CallRecord = { role, kind: prompt.kind, endpoint: endpoint.name, model: endpoint.model, attempt, durationMs: Math.round(performance.now() - started), costUsd: callCost(endpoint, r.inputTokens, r.outputTokens), ...r };
        calls.push(c);
        const u = { calls: 1, inputTokens: c.inputTokens, outputTokens: c.outputTokens, costUsd: c.costUsd };
        usage = addUsage(usage, u);
        total = addUsage(total, u);
        return c;
      };
      let retryAfter: number | undefined;
      try {
        const result = await generateText({
          model,
          system: prompt.system,
          messages,
          output: Output.object({ schema: cachedSchema(schema) as never }),
          temperature: settings.temperature,
          maxOutputTokens: settings.maxOutputTokens,
          seed,
          maxRetries: 0,
          abortSignal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        record({ outcome: "ok", text: result.text, inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 });
        return { ...base, ok: true, value: result.output as T, text: result.text, calls, usage };
      } catch (error) {
        if (NoObjectGeneratedError.isInstance(error)) {
          const refusal = looksLikeRefusal(error.text);
          const problem = describeInvalidOutput(error);
          record({ outcome: refusal ? "refusal" : "invalid-output", text: error.text, error: problem, inputTokens: error.usage?.inputTokens ?? 0, outputTokens: error.usage?.outputTokens ?? 0 });
          if (reasks >= endpoint.structuredRetries) return fail(refusal ? "refusal" : "invalid-output", `no usable answer after ${reasks + 1} attempts: ${problem}`);
          reasks++;
          messages.push({ role: "assistant", content: error.text ?? "" }, { role: "user", content: feedbackMessage(problem) });
          continue;
        }
        const c = classifyError(error, { cancelled: Boolean(signal?.aborted), timedOut: timeout.aborted });
        const willRetry = c.retryable && retries < endpoint.maxRetries;
        const wait = willRetry ? backoffMs(retries, endpoint, (hashString(`${prompt.user.length}:${attempt}`) % 1000) / 1000, c.retryAfterMs) : undefined;
        record({ outcome: c.kind, error: c.message, status: c.status, retryInMs: wait, inputTokens: 0, outputTokens: 0 });
        if (c.kind === "cancelled") return fail("cancelled", "cancelled");
        if (!willRetry) return fail(c.retryable ? "unavailable" : "error", `${endpoint.name}: ${c.message}${c.retryable ? ` (gave up after ${retries + 1} attempts)` : ""}`);
        retries++;
        retryAfter = wait;
      } finally {
        release();
      }
      // wait outside the limiter so that a rate-limited call does not hold a slot
      await sleep(retryAfter ?? 0, signal);
      if (signal?.aborted) return fail("cancelled", "cancelled");
    }
  }

  return { call, endpointFor, usage: () => total };
}

/** The client of a run: its endpoints (plus any from Settings), role settings and seed. */
export function createRunModelClient(config: RunConfig, extra: { endpoints?: ModelEndpoint[]; limiters?: LimiterRegistry; resolveModel?: ModelClientOptions["resolveModel"] } = {}): ModelClient {
  const endpoints = [...config.models.endpoints, ...(extra.endpoints ?? []).filter((e) => !config.models.endpoints.some((x) => x.name === e.name))];
  const { iGenerator, rGenerator, scorer, discussion } = config.models;
  return createModelClient({ endpoints, roles: { iGenerator, rGenerator, scorer, discussion }, seed: config.seed, limiters: extra.limiters, resolveModel: extra.resolveModel });
}
