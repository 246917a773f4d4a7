import { describe, expect, it } from "vitest";
import { DEFAULT_LANGUAGES, MULTIPLE_LANGUAGES } from "./language-names";
import { defaultRunConfig, parseRunConfig, safeParseRunConfig } from "./run-config";
import { runConfigFromYaml, runConfigToYaml, safeRunConfigFromYaml } from "./run-config-yaml";

describe("run config", () => {
  it("defaults to the paper's set-up: 8 MultiPL-E languages, Ds1 and Ds2 seeds, single-step centralized discussion", () => {
    const c = defaultRunConfig();
    expect(c.languages).toEqual([...DEFAULT_LANGUAGES]);
    expect(c.seedData.modes).toEqual(["ds1", "ds2"]);
    expect(c.discussion).toMatchObject({ mode: "centralized", critiqueRounds: 0 });
    expect(c.agents.operations.map((o) => o.id)).toEqual(expect.arrayContaining(["increase-difficulty", "add-reasoning-steps", "change-language"]));
    expect(c.agents.memory.similarity).toMatchObject({ instructionMeasure: "rouge-l", codeMeasure: "jaccard", threshold: 0.7 });
    expect(c.models.endpoints[0]).toMatchObject({ name: "demo", provider: "scripted" });
    expect(c.models.scorer).toMatchObject({ endpoint: "demo", temperature: 0 });
  });

  it("gives each seed its own agent by default (the paper's instance-level agents) and takes a whole number of agents per language", () => {
    expect(defaultRunConfig().agents.perLanguage).toBeNull();
    // a stored run or YAML file from before the knob loads with the default
    expect(parseRunConfig({ agents: { memory: { capacity: 4 } } }).agents.perLanguage).toBeNull();
    expect(runConfigFromYaml("agents:\n  perLanguage: 2\n").agents.perLanguage).toBe(2);
    for (const bad of [0, -1, 1.5, "two"]) {
      const r = safeParseRunConfig({ agents: { perLanguage: bad } });
      expect(!r.ok && r.issues.map((i) => i.path.join("."))).toEqual(["agents.perLanguage"]);
    }
  });

  it("fills nested defaults around the fields given", () => {
    const c = parseRunConfig({ discussion: { mode: "parallel" }, agents: { memory: { capacity: 5 } } });
    expect(c.discussion.groupSize).toBe(3);
    expect(c.agents.memory.capacity).toBe(5);
    expect(c.agents.memory.similarity.threshold).toBe(0.7);
  });

  it("expands operation ids to the default descriptions and keeps custom operations", () => {
    const c = parseRunConfig({ agents: { operations: ["deepen", { id: "add-io", description: "Read input from stdin." }] } });
    expect(c.agents.operations).toEqual([expect.objectContaining({ id: "deepen" }), { id: "add-io", description: "Read input from stdin." }]);
  });

  it("reports every problem with its path", () => {
    const r = safeParseRunConfig({
      languages: ["py", "py"],
      scorer: { scale: 5, threshold: 7 },
      agents: { operations: ["teleport"] },
      models: { scorer: { endpoint: "gpt" } },
      discussion: { mode: "round-robin" },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path.join("."));
    expect(paths).toContain("discussion.mode");
    // structural errors come first; once fixed, the cross-field checks report
    const r2 = safeParseRunConfig({ languages: ["py", "py"], scorer: { threshold: 7 }, agents: { operations: ["teleport"] }, models: { scorer: { endpoint: "gpt" } } });
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.issues.map((i) => i.path.join("."))).toEqual(["languages.1", "scorer.threshold", "agents.operations.0", "models.scorer.endpoint"]);
  });

  it("refuses a language the registry does not have, naming the known ones", () => {
    const r = safeParseRunConfig({ languages: ["py", "cobol"] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ path: ["languages", 1], message: `unknown language "cobol"; known: ${MULTIPLE_LANGUAGES.join(", ")}` }]);
    expect(() => parseRunConfig({ languages: ["Python"] })).toThrow(/languages\.0: unknown language "Python"; known: py, java, cpp, cs, ts, js, php, sh, go, /);
    expect(safeParseRunConfig({ languages: [...MULTIPLE_LANGUAGES] }).ok).toBe(true);
  });

  it("accepts roles pointing at endpoints defined in Settings when told their names", () => {
    expect(safeParseRunConfig({ models: { scorer: { endpoint: "vllm" } } }).ok).toBe(false);
    expect(safeParseRunConfig({ models: { scorer: { endpoint: "vllm" } } }, { knownEndpoints: ["vllm"] }).ok).toBe(true);
  });

  it("requires a base URL for an OpenAI-compatible server", () => {
    const r = safeParseRunConfig({ models: { endpoints: [{ name: "local", provider: "openai-compatible", model: "qwen" }] } });
    expect(!r.ok && r.issues[0].path.join(".")).toBe("models.endpoints.0.baseURL");
  });
});

describe("run config YAML", () => {
  it("round-trips through YAML", () => {
    const c = parseRunConfig({ seed: 7, discussion: { mode: "parallel", critiqueRounds: 2 }, languages: ["py", "java", "sh"], agents: { perLanguage: 3 } });
    expect(runConfigFromYaml(runConfigToYaml(c))).toEqual(c);
  });

  it("leaves API keys out of an export unless asked", () => {
    const c = parseRunConfig({ models: { endpoints: [{ name: "oa", provider: "openai", model: "gpt-4o", apiKey: "sk-secret" }], scorer: { endpoint: "oa" }, iGenerator: { endpoint: "oa" }, rGenerator: { endpoint: "oa" }, discussion: { endpoint: "oa" } } });
    expect(runConfigToYaml(c)).not.toContain("sk-secret");
    expect(runConfigToYaml(c, { includeSecrets: true })).toContain("sk-secret");
  });

  it("names the line of an invalid field", () => {
    const text = ["seed: 3", "discussion:", "  mode: centralized", "  groupSize: 1", "languages: [py, java]"].join("\n");
    const r = safeRunConfigFromYaml(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ path: ["discussion", "groupSize"], line: 4 });
    expect(r.message).toContain("discussion.groupSize (line 4)");
  });

  it("reports YAML syntax errors with their line", () => {
    const r = safeRunConfigFromYaml("seed: 3\nlanguages: [py, java\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/line \d/);
  });

  it("throws an AppError with code invalid:run-config", () => {
    expect(() => runConfigFromYaml("seed: -1")).toThrow(expect.objectContaining({ code: "invalid:run-config" }));
  });
});
