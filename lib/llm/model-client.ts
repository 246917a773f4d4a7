import "server-only";
import { zodSchema, type LanguageModel } from "ai";
import type { z } from "zod";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import type { BuiltPrompt, PromptKind } from "@/lib/domain/prompts/prompt-kinds";
import type { ModelRole, RunConfig } from "@/lib/domain/run-config";
import { deriveSeed, hashString } from "@/lib/domain/seeded-rng";
import type { CallOutcome } from "@/lib/domain/call-outcomes";
import { AppError } from "@/lib/errors";
import { LimiterRegistry } from "./concurrency-limiter";
import { feedbackMessage, looksLikeRefusal } from "./output-feedback";
import { getModel } from "./providers";
import { generateOnce, type OnceRequest } from "./generate-once";
import { readJsonAnswer } from "./read-json-answer";
import { backoffMs, classifyError } from "./retry-policy";
import { DEMO_PROVIDER } from "./scripted-model";
import { isFormatRefusal, processModeMemory, schemaInstruction, type AskMode, type StructuredModeMemory } from "./structured-output";
import { grownBudget } from "./token-budget";
import { addUsage, callCost, ZERO_USAGE, type Usage } from "./usage";
import { sleep as wakeableSleep } from "@/lib/domain/sleep";

/**
 * Structured model calls for the agents. One `call` = one step: it returns a validated value or
 * a recorded failure, never throws (except on a programming error). JSON is read out of fences,
 * prose and `<think>` blocks; malformed answers are re-asked with the validation error fed back;
 * an answer cut off at the token limit is asked again afresh with a larger budget; a server that
 * refuses the response format is asked the next way down (structured-output.ts) without that
 * counting as an attempt; 429 / 5xx / timeouts are retried with backoff; each endpoint has a
 * concurrency limit; an AbortSignal cancels. Every request is a CallRecord with its tokens and
 * cost, for the run's events and totals.
 */

export { CALL_OUTCOMES, type CallOutcome } from "@/lib/domain/call-outcomes";

export interface CallRecord {
  role: ModelRole;
  kind: PromptKind;
  endpoint: string;
  model: string;
  attempt: number;
  outcome: CallOutcome;
  /** raw answer text when the model answered, as sent (fences, prose, reasoning and all) */
  text?: string;
  /** how JSON was asked for: json_schema, json_object or none (the schema only in the prompt) */
  mode?: AskMode;
  /** the token budget of this request */
  maxOutputTokens?: number;
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
  kind: "invalid-output" | "refusal" | "cut-off" | "unavailable" | "cancelled" | "error";
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
  /** the structured-output modes learned per endpoint; default: shared by the whole process */
  modeMemory?: StructuredModeMemory;
}

/** Re-asks after cut-off answers, each with a larger budget, before the step fails as cut off. */
const MAX_CUT_OFF_REASKS = 3;

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
  const modeMemory = options.modeMemory ?? processModeMemory;
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
    const scripted = endpoint.provider === "scripted";
    const jsonSchema = cachedSchema(schema).jsonSchema;
    const firstMessages: OnceRequest["messages"] = [{ role: "user", content: prompt.user }];
    let messages = firstMessages;
    const calls: CallRecord[] = [];
    let usage = ZERO_USAGE;
    let reasks = 0;
    let retries = 0;
    let cutOffs = 0;
    let maxOutputTokens = settings.maxOutputTokens;
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
      const mode: AskMode = scripted ? "json_schema" : modeMemory.modeFor(endpoint);
      const started = performance.now();
      const timeout = AbortSignal.timeout(endpoint.timeoutMs);
      const record = (r: Omit<CallRecord, "role" | "kind" | "endpoint" | "model" | "attempt" | "durationMs" | "costUsd" | "mode" | "maxOutputTokens">) => {
        const c: CallRecord = { role, kind: prompt.kind, endpoint: endpoint.name, model: endpoint.model, attempt, mode, maxOutputTokens, durationMs: Math.round(performance.now() - started), costUsd: callCost(endpoint, r.inputTokens, r.outputTokens), ...r };
        calls.push(c);
        const u = { calls: 1, inputTokens: c.inputTokens, outputTokens: c.outputTokens, costUsd: c.costUsd };
        usage = addUsage(usage, u);
        total = addUsage(total, u);
        return c;
      };
      let retryAfter: number | undefined;
      try {
        const result = await generateOnce(model, {
          // a server not given the schema reads it in the prompt
          system: mode === "json_schema" ? prompt.system : `${prompt.system}\n\n${schemaInstruction(jsonSchema)}`,
          messages,
          mode,
          jsonSchema,
          temperature: settings.temperature,
          maxOutputTokens,
          seed,
          abortSignal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          // the demo model learns the prompt kind here; nothing of it reaches a real endpoint
          providerOptions: scripted ? { [DEMO_PROVIDER]: { promptKind: prompt.kind } } : undefined,
        });
        const text = result.text;
        const tokens = { inputTokens: result.inputTokens ?? 0, outputTokens: result.outputTokens ?? 0 };
        const answer = readJsonAnswer(text, schema);
        if (answer.ok) {
          record({ outcome: "ok", text, ...tokens });
          return { ...base, ok: true, value: answer.value, text, calls, usage };
        }
        if (result.finishReason === "length") {
          // asked afresh with a larger budget: the cut-off text appended would be cut off again
          const grown = grownBudget(maxOutputTokens, { contextLength: endpoint.contextLength, promptTokens: tokens.inputTokens });
          const problem = `the answer was cut off at the token limit (${maxOutputTokens} tokens)`;
          record({ outcome: "cut-off", text, error: problem, ...tokens });
          if (grown === null || cutOffs >= MAX_CUT_OFF_REASKS) return fail("cut-off", `${problem}${grown === null ? "; the model's context leaves no room for a larger one" : ` after ${cutOffs + 1} larger budgets`}`);
          cutOffs++;
          maxOutputTokens = grown;
          messages = firstMessages;
          continue;
        }
        const refusal = looksLikeRefusal(text);
        const problem = refusal && answer.kind === "not-json" ? "it is a refusal, not the requested JSON object" : answer.problem;
        record({ outcome: refusal ? "refusal" : "invalid-output", text, error: problem, ...tokens });
        if (reasks >= endpoint.structuredRetries) return fail(refusal ? "refusal" : "invalid-output", `no usable answer after ${reasks + 1} attempts: ${problem}`);
        reasks++;
        messages = [...messages, { role: "assistant", content: text }, { role: "user", content: feedbackMessage(problem) }];
        continue;
      } catch (error) {
        if (!scripted && isFormatRefusal(error, mode)) {
          const next = modeMemory.stepDown(endpoint, mode);
          const c = classifyError(error, { cancelled: false, timedOut: false });
          if (next !== null) {
            // not an attempt: the server told us how it can be asked, nothing failed yet
            record({ outcome: "format-refused", error: `the server refused response_format ${mode}; asking with ${next === "none" ? "the schema in the prompt" : next}: ${c.message}`, status: c.status, inputTokens: 0, outputTokens: 0 });
            attempt--;
            continue;
          }
          record({ outcome: "client-error", error: c.message, status: c.status, inputTokens: 0, outputTokens: 0 });
          const hint = endpoint.structuredOutput === "auto" ? "" : ` (structuredOutput is pinned to ${endpoint.structuredOutput}; set it to auto or to a mode the server supports)`;
          return fail("error", `${endpoint.name} refused response_format ${mode}${hint}: ${c.message}`);
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
