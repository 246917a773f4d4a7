import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { isFormatRefusal, StructuredModeMemory } from "./structured-output";
import { grownBudget } from "./token-budget";

function apiError(status: number, body: string): APICallError {
  return new APICallError({ message: "Bad Request", url: "http://x/v1/chat/completions", requestBodyValues: {}, statusCode: status, responseBody: body, isRetryable: false });
}

const endpoint = { name: "e", provider: "openai-compatible" as const, baseURL: "http://x/v1", model: "m", structuredOutput: "auto" as const };

describe("response_format refusals", () => {
  it("recognises what llama.cpp, LM Studio and OpenAI answer, and nothing else", () => {
    expect(isFormatRefusal(apiError(400, '{"error":{"code":400,"message":"response_format type must be one of \\"text\\" or \\"json_object\\", but got: json_schema"}}'), "json_schema")).toBe(true);
    expect(isFormatRefusal(apiError(400, `{"error":"'response_format.type' must be 'json_schema' or 'text'"}`), "json_object")).toBe(true);
    expect(isFormatRefusal(apiError(400, `{"error":{"message":"Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."}}`), "json_schema")).toBe(true);
    expect(isFormatRefusal(apiError(400, '{"error":{"message":"max_tokens is too large"}}'), "json_schema")).toBe(false);
    expect(isFormatRefusal(apiError(401, '{"error":{"message":"bad response_format"}}'), "json_schema")).toBe(false);
    expect(isFormatRefusal(apiError(400, "response_format"), "none")).toBe(false);
  });

  it("steps down json_schema → json_object → none per endpoint, remembered; a pinned mode is kept", () => {
    const memory = new StructuredModeMemory();
    expect(memory.modeFor(endpoint)).toBe("json_schema");
    expect(memory.stepDown(endpoint, "json_schema")).toBe("json_object");
    // a late refusal of json_schema from a call already in flight does not climb back up
    memory.stepDown(endpoint, "json_object");
    expect(memory.stepDown(endpoint, "json_schema")).toBe("none");
    expect(memory.modeFor(endpoint)).toBe("none");
    expect(memory.stepDown(endpoint, "none")).toBeNull();
    expect(memory.modeFor({ ...endpoint, name: "other" })).toBe("json_schema");
    expect(memory.modeFor({ ...endpoint, structuredOutput: "json_object" })).toBe("json_object");
    expect(memory.stepDown({ ...endpoint, structuredOutput: "json_object" }, "json_object")).toBeNull();
  });
});

describe("the budget after a cut-off answer", () => {
  it("doubles, capped by the context left after the prompt; null when it cannot grow", () => {
    expect(grownBudget(200, {})).toBe(400);
    expect(grownBudget(200, { contextLength: 1000, promptTokens: 700 })).toBe(300);
    expect(grownBudget(300, { contextLength: 1000, promptTokens: 700 })).toBeNull();
  });
});
