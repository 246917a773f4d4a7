import { describe, expect, it } from "vitest";
import { offerLocalModels, localEndpointName } from "./local-model-offer";
import { defaultRunConfig, parseRunConfig } from "./run-config";

const qwen = { path: "/data/models/Qwen2.5-Coder-7B-Instruct-Q4_K_M.gguf", name: "Qwen2.5-Coder-7B-Instruct-Q4_K_M" };
const tiny = { path: "/data/models/tiny model.gguf", name: "tiny model" };

describe("offerLocalModels", () => {
  it("puts the data dir's GGUF models before the demo model and gives them the demo's roles", () => {
    const c = offerLocalModels(defaultRunConfig(), [qwen, tiny]);
    expect(c.models.endpoints.map((e) => e.name)).toEqual(["local-qwen2.5-coder-7b-instruct-q4_k_m", "local-tiny-model", "demo"]);
    expect(c.models.endpoints[0]).toMatchObject({ provider: "local", model: qwen.name, modelPath: qwen.path, timeoutMs: 600_000 });
    for (const role of ["iGenerator", "rGenerator", "scorer", "discussion"] as const) expect(c.models[role].endpoint).toBe("local-qwen2.5-coder-7b-instruct-q4_k_m");
    // the result is a valid run config: the form submits it as it is
    expect(parseRunConfig(c)).toEqual(c);
  });

  it("leaves configs alone when there is no model file, or the config already has a local endpoint", () => {
    const base = defaultRunConfig();
    expect(offerLocalModels(base, [])).toBe(base);
    const withLocal = offerLocalModels(base, [tiny]);
    expect(offerLocalModels(withLocal, [qwen])).toBe(withLocal);
  });

  it("keeps a role that names another endpoint where it is", () => {
    const c = parseRunConfig({ models: { endpoints: [{ name: "demo", provider: "scripted", model: "xinstruct-demo" }, { name: "vllm", provider: "openai-compatible", model: "m", baseURL: "http://127.0.0.1:8000/v1" }], scorer: { endpoint: "vllm" } } });
    const offered = offerLocalModels(c, [qwen]);
    expect(offered.models.scorer.endpoint).toBe("vllm");
    expect(offered.models.iGenerator.endpoint).toBe("local-qwen2.5-coder-7b-instruct-q4_k_m");
  });

  it("names endpoints so that run configs accept them", () => {
    expect(localEndpointName({ path: "/x/..gguf", name: "." })).toBe("local-model");
    expect(localEndpointName({ path: "/x/Ünïcode Ω.gguf", name: "Ünïcode Ω" })).toBe("local-n-code");
  });
});
