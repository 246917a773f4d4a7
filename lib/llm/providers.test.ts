import { describe, expect, it } from "vitest";
import { endpointLabel, modelEndpointSchema } from "@/lib/domain/model-endpoint";
import { getModel } from "./providers";

describe("getModel", () => {
  it("returns the labelled demo model for a scripted endpoint", () => {
    const e = modelEndpointSchema.parse({ name: "demo", provider: "scripted", model: "xinstruct-demo" });
    const m = getModel(e) as { provider: string; label?: string };
    expect(m.provider).toBe("xinstruct-demo");
    expect(m.label).toBe("demo model");
    expect(endpointLabel(e)).toBe("demo model (demo)");
  });

  it("builds real provider models for OpenAI-compatible servers, OpenAI and Anthropic", () => {
    const vllm = getModel(modelEndpointSchema.parse({ name: "vllm", provider: "openai-compatible", model: "Qwen/Qwen2.5-Coder-7B-Instruct", baseURL: "http://127.0.0.1:8000/v1" }));
    const openai = getModel(modelEndpointSchema.parse({ name: "oa", provider: "openai", model: "gpt-4o-mini", apiKey: "sk-test" }));
    const anthropic = getModel(modelEndpointSchema.parse({ name: "an", provider: "anthropic", model: "claude-sonnet-4-5", apiKey: "k" }));
    expect(vllm).toMatchObject({ modelId: "Qwen/Qwen2.5-Coder-7B-Instruct", specificationVersion: "v3" });
    expect((vllm as { provider: string }).provider).toContain("vllm");
    expect(openai).toMatchObject({ modelId: "gpt-4o-mini" });
    expect(anthropic).toMatchObject({ modelId: "claude-sonnet-4-5" });
  });
});
