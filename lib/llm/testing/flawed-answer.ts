import { promptKindOf } from "@/lib/domain/prompts/prompt-kinds";
import type { Rng } from "@/lib/domain/seeded-rng";
import { answerFor } from "@/lib/llm/scripted/answers";
import type { Flaw, FlawedServerConfig } from "./flawed-server-config";

/**
 * TEST-ONLY: what the flawed server answers to one chat request, decided from the prompt it
 * receives as a real model would (the demo model's answer builders write real programs), then
 * dressed the ways real models answer: fenced, after prose, after reasoning, cut off at
 * max_tokens, or refused outright.
 */

export interface ChatBody {
  model?: string;
  messages?: { role: string; content: string | { type: string; text?: string }[] }[];
  max_tokens?: number;
  max_completion_tokens?: number;
  response_format?: { type?: string };
  seed?: number;
}

export type Reply =
  | { kind: "error"; status: number; headers: Record<string, string>; body: unknown; flaws: Flaw[] }
  | { kind: "answer"; content: string; finishReason: "stop" | "length"; promptTokens: number; completionTokens: number; promptKind: string | null; slow: boolean; flaws: Flaw[] };

export const tokensOf = (text: string) => Math.ceil(text.length / 4);

function contentText(c: string | { type: string; text?: string }[]): string {
  return typeof c === "string" ? c : c.map((p) => p.text ?? "").join("");
}

/** The first user message: what the prompt builders put the task in. */
export function firstUserText(body: ChatBody): string {
  const m = (body.messages ?? []).find((x) => x.role === "user");
  return m ? contentText(m.content) : "";
}

export function allText(body: ChatBody): string {
  return (body.messages ?? []).map((m) => `${m.role}:${contentText(m.content)}`).join("\n");
}

const FENCE_TAGS: Record<string, string> = { py: "python", js: "javascript", ts: "typescript", cs: "csharp", sh: "bash" };

function fenceCode(answer: Record<string, unknown>, language: string): Record<string, unknown> {
  const tag = FENCE_TAGS[language] ?? language;
  const out = { ...answer };
  for (const field of ["solution", "tests"]) {
    if (typeof out[field] === "string") out[field] = `\`\`\`${tag}\n${(out[field] as string).trimEnd()}\n\`\`\``;
  }
  return out;
}

const REASONING = "Let me think about what the task asks, the edge cases it has, and how the tests should check them. ";

/** A refused response_format, in the shape of the server that refuses it. */
function formatRefusal(config: FlawedServerConfig, type: string | undefined): Reply | null {
  if (type === "json_schema" && config.rejectJsonSchema) {
    // llama.cpp's server before json_schema support
    const body = { error: { code: 400, message: `response_format type must be one of "text" or "json_object", but got: json_schema`, type: "invalid_request_error" } };
    return { kind: "error", status: 400, headers: {}, body, flaws: ["rejectedJsonSchema"] };
  }
  if (type === "json_object" && config.rejectJsonObject) {
    // LM Studio
    return { kind: "error", status: 400, headers: {}, body: { error: "'response_format.type' must be 'json_schema' or 'text'" }, flaws: ["rejectedJsonObject"] };
  }
  return null;
}

export function replyTo(body: ChatBody, config: FlawedServerConfig, rng: Rng): Reply {
  const refused = formatRefusal(config, body.response_format?.type);
  if (refused) return refused;
  const rates = config.rates;
  const roll = rng.next();
  if (roll < rates.rateLimit) {
    const headers = { "retry-after": String(Math.ceil(config.retryAfterMs / 1000)), "retry-after-ms": String(config.retryAfterMs) };
    return { kind: "error", status: 429, headers, body: { error: { message: "Rate limit reached, retry later", type: "rate_limit_error" } }, flaws: ["rateLimit"] };
  }
  if (roll < rates.rateLimit + rates.serverError) {
    return { kind: "error", status: 500, headers: {}, body: { error: { message: "Internal server error", type: "server_error" } }, flaws: ["serverError"] };
  }

  const user = firstUserText(body);
  const promptKind = promptKindOf(user);
  const flaws: Flaw[] = [];
  let content: string;
  if (!promptKind) content = "I can help with programming tasks. What would you like me to write?";
  else {
    let answer = answerFor({ kind: promptKind, user, rng, wrongSolutionRate: rates.wrongSolution });
    if (rng.chance(rates.fencedCode) && "solution" in answer) {
      answer = fenceCode(answer, typeof answer.targetLanguage === "string" ? answer.targetLanguage : (/^Language: ([a-z0-9+#-]+)/m.exec(user)?.[1] ?? "py"));
      flaws.push("fencedCode");
    }
    content = JSON.stringify(answer, null, 2);
    if (rng.chance(rates.fencedJson)) {
      content = `\`\`\`json\n${content}\n\`\`\``;
      flaws.push("fencedJson");
    }
    if (rng.chance(rates.proseFirst)) {
      content = `Sure! Here is the JSON object you asked for:\n\n${content}\n\nLet me know if you need anything else.`;
      flaws.push("proseFirst");
    }
    if (rng.chance(rates.think)) {
      content = `<think>\n${REASONING}\n</think>\n\n${content}`;
      flaws.push("think");
    }
    if (rng.chance(rates.cutOff)) {
      content = `<think>\n${REASONING.repeat(Math.ceil((config.verboseTokens * 4) / REASONING.length))}\n</think>\n\n${content}`;
      flaws.push("cutOff");
    }
  }
  const budget = body.max_completion_tokens ?? body.max_tokens;
  let finishReason: "stop" | "length" = "stop";
  if (budget !== undefined && tokensOf(content) > budget) {
    content = content.slice(0, budget * 4);
    finishReason = "length";
    flaws.push("truncated");
  }
  const slow = rng.chance(rates.slow);
  if (slow) flaws.push("slow");
  return { kind: "answer", content, finishReason, promptTokens: tokensOf(allText(body)), completionTokens: tokensOf(content), promptKind, slow, flaws };
}
