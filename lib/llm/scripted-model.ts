import { APICallError } from "ai";
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3GenerateResult, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { scriptedOptionsSchema, type ScriptedOptions } from "@/lib/domain/model-endpoint";
import { PROMPT_KINDS, promptKindOf as readPromptKind, type PromptKind } from "@/lib/domain/prompts/prompt-kinds";
import { hashString, rngFor } from "@/lib/domain/seeded-rng";
import { answerFor, malformed } from "./scripted/answers";
import { benchmarkAnswer } from "./scripted/benchmark-answer";
import { sleepOrAbort } from "@/lib/domain/sleep";

/**
 * The demo model: an AI SDK language model (the provider spec's LanguageModelV3, written out here
 * rather than the SDK's test mock, which keeps every call in memory) that answers every xinstruct
 * prompt kind with plausible, valid answers (runnable solutions with tests), deterministically.
 * The answer to a prompt depends only on the seed (the call's `seed`, e.g. the run seed), the
 * prompt text and how many times that same prompt was asked before, never on timing or call
 * order, so a run replays exactly. Faults (malformed JSON, refusals, slow answers, 429s, 5xx,
 * wrong solutions) are injected at configured rates to exercise every code path.
 */

export const DEMO_PROVIDER = "xinstruct-demo";

export interface ScriptedModelStats {
  calls: number;
  /** CPU time spent composing answers (synchronous work), to separate it from the caller's */
  cpuMs: number;
  faults: { rateLimit: number; serverError: number; slow: number; refusal: number; malformed: number };
}

export type ScriptedModel = LanguageModelV3 & {
  stats: ScriptedModelStats;
  label: "demo model";
  /** the options of the last few calls, newest last (for tests; bounded, so a long run does not grow it) */
  recentCalls: LanguageModelV3CallOptions[];
};

const RECENT_CALLS = 16;

function promptText(options: LanguageModelV3CallOptions): { firstUser: string; all: string } {
  let firstUser: string | null = null;
  const parts: string[] = [];
  for (const m of options.prompt) {
    const text = typeof m.content === "string" ? m.content : m.content.map((p) => (p.type === "text" ? p.text : "")).join("");
    if (m.role === "user" && firstUser === null) firstUser = text;
    parts.push(`${m.role}:${text}`);
  }
  return { firstUser: firstUser ?? "", all: parts.join("\n") };
}

/** The prompt kind the model client passes in the demo provider's options, else read from the prompt. */
function promptKindOf(options: LanguageModelV3CallOptions, firstUser: string): PromptKind | null {
  const given = options.providerOptions?.[DEMO_PROVIDER]?.promptKind;
  if (typeof given === "string" && (PROMPT_KINDS as readonly string[]).includes(given)) return given as PromptKind;
  return readPromptKind(firstUser);
}


function httpError(status: number, message: string): APICallError {
  return new APICallError({
    message,
    url: "scripted://demo/chat/completions",
    requestBodyValues: {},
    statusCode: status,
    responseHeaders: status === 429 ? { "retry-after-ms": "50" } : {},
    responseBody: JSON.stringify({ error: { message } }),
    isRetryable: true,
  });
}

const tokens = (text: string) => Math.ceil(text.length / 4);

export function createScriptedModel(input: Partial<ScriptedOptions> & { modelId?: string } = {}): ScriptedModel {
  const { modelId, ...rest } = input;
  const options = scriptedOptionsSchema.parse(rest);
  const { faults } = options;
  const asked = new Map<number, number>();
  const recentCalls: LanguageModelV3CallOptions[] = [];
  const stats: ScriptedModelStats = { calls: 0, cpuMs: 0, faults: { rateLimit: 0, serverError: 0, slow: 0, refusal: 0, malformed: 0 } };

  async function generate(call: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const started = performance.now();
    stats.calls++;
    recentCalls.push(call);
    if (recentCalls.length > RECENT_CALLS) recentCalls.shift();
    const { firstUser, all } = promptText(call);
    const seed = call.seed ?? 0;
    const key = hashString(all, seed);
    const nth = asked.get(key) ?? 0;
    asked.set(key, nth + 1);
    const rng = rngFor(seed, key, nth);
    const kind = promptKindOf(call, firstUser);
    const roll = rng.next();
    let text: string;
    let fault: keyof ScriptedModelStats["faults"] | null = null;
    if (roll < faults.rateLimit) fault = "rateLimit";
    else if (roll < faults.rateLimit + faults.serverError) fault = "serverError";
    if (fault === null) {
      if (!kind) text = benchmarkAnswer(firstUser) ?? "This demo model only answers xinstruct prompts and benchmark problems.";
      else {
        const answer = answerFor({ kind, user: firstUser, rng, wrongSolutionRate: faults.wrongSolution });
        if (rng.chance(faults.refusal)) {
          fault = "refusal";
          text = "I'm sorry, but I can't help with that request.";
        } else if (rng.chance(faults.malformed)) {
          fault = "malformed";
          text = malformed(answer, rng);
        } else text = JSON.stringify(answer);
      }
    } else text = "";
    const slow = fault === null || fault === "refusal" || fault === "malformed" ? rng.chance(faults.slow) : false;
    stats.cpuMs += performance.now() - started;
    if (fault) stats.faults[fault]++;
    if (fault === "rateLimit") throw httpError(429, "Too Many Requests (demo model, injected)");
    if (fault === "serverError") throw httpError(rng.chance(0.5) ? 500 : 503, "Server error (demo model, injected)");
    if (slow) stats.faults.slow++;
    await sleepOrAbort(slow ? options.slowMs : options.latencyMs, call.abortSignal);
    return {
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: {
        inputTokens: { total: tokens(all), noCache: tokens(all), cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: tokens(text), text: tokens(text), reasoning: 0 },
      },
      response: { id: `demo-${key.toString(16)}-${nth}`, modelId: modelId ?? "xinstruct-demo", timestamp: new Date(0) },
      warnings: [],
    };
  }

  const model: LanguageModelV3 = {
    specificationVersion: "v3",
    provider: DEMO_PROVIDER,
    modelId: modelId ?? "xinstruct-demo",
    supportedUrls: {},
    doGenerate: generate,
    doStream: async (call) => {
      const result = await generate(call);
      const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("");
      const parts: LanguageModelV3StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "t0" },
        ...(text.match(/[\s\S]{1,64}/g) ?? []).map((delta) => ({ type: "text-delta" as const, id: "t0", delta })),
        { type: "text-end", id: "t0" },
        { type: "finish", usage: result.usage, finishReason: result.finishReason },
      ];
      return { stream: new ReadableStream({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) }) };
    },
  };
  return Object.assign(model, { stats, recentCalls, label: "demo model" as const });
}
