import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { alpacaRecord, dpoRecord, responseText, sftRecord, type ExportSample } from "./records";
import { llamaFactoryDatasetInfo } from "./llamafactory";
import { SFT_FEATURES, renderDatasetCard } from "./dataset-card";

const s: ExportSample = { id: "s1", runId: "r1", part: "ds3", language: "py", instruction: "Add two numbers.", solution: "def add(a, b):\n    return a + b\n", tests: "assert add(1, 2) == 3", score: 4.5 };

describe("export records", () => {
  it("writes an SFT sample as a user/assistant chat with the code fenced in its language", () => {
    expect(sftRecord(s)).toEqual({
      messages: [
        { role: "user", content: "Add two numbers." },
        { role: "assistant", content: "```python\ndef add(a, b):\n    return a + b\n```" },
      ],
      id: "s1", language: "py", part: "ds3", score: 4.5, tests: "assert add(1, 2) == 3",
    });
    expect(sftRecord(s, { fence: false }).messages[1].content).toBe(s.solution);
    expect(responseText("Use this:\n```cpp\nint x;\n```", "cpp")).toBe("Use this:\n```cpp\nint x;\n```"); // already fenced
    expect(responseText("echo hi", "sh")).toBe("```bash\necho hi\n```");
  });

  it("writes Alpaca and TRL preference records", () => {
    expect(alpacaRecord(s)).toMatchObject({ instruction: "Add two numbers.", input: "", output: "```python\ndef add(a, b):\n    return a + b\n```" });
    expect(dpoRecord({ id: "p", runId: "r", language: "js", prompt: "Sum?", chosen: "a+b", rejected: "a-b" })).toEqual({ prompt: "Sum?", chosen: "```javascript\na+b\n```", rejected: "```javascript\na-b\n```", id: "p", language: "js" });
  });

  it("describes the files for LLaMA-Factory", () => {
    expect(llamaFactoryDatasetInfo("xi", { sft: "data/sft/a.jsonl", dpo: "data/dpo/b.jsonl" })).toEqual({
      xi_sft: { file_name: "data/sft/a.jsonl", formatting: "sharegpt", columns: { messages: "messages" }, tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant" } },
      xi_dpo: { file_name: "data/dpo/b.jsonl", ranking: true, columns: { prompt: "prompt", chosen: "chosen", rejected: "rejected" } },
    });
  });

  it("renders a dataset card with HF front matter, counts, the decontamination status and the run config", () => {
    const card = renderDatasetCard({
      title: "demo", format: "sft", createdAt: new Date("2026-01-02T00:00:00Z"), fence: true,
      configs: [{ name: "default", path: "data/train-*.jsonl", features: SFT_FEATURES, examples: 3, bytes: 100 }],
      sft: { total: 3, perLanguage: { py: 2, cpp: 1 }, perPart: { ds1: 3 } }, dpo: { total: 0, perLanguage: {}, perPart: {} },
      filter: { curation: ["accepted"] }, runs: [{ id: "r1", name: "run one", config: { languages: ["py", "cpp"], memory: { capacity: 8 } } }],
      decontamination: { configured: false, checked: 3, removed: 0, report: { status: "decontamination not configured" } },
    });
    const [, yaml] = card.split(/^---$/m);
    const front = parse(yaml);
    expect(front.configs).toEqual([{ config_name: "default", data_files: [{ split: "train", path: "data/train-*.jsonl" }] }]);
    expect(front.dataset_info.splits).toEqual([{ name: "train", num_bytes: 100, num_examples: 3 }]);
    expect(front.dataset_info.features[0]).toEqual({ name: "messages", list: [{ name: "role", dtype: "string" }, { name: "content", dtype: "string" }] });
    expect(card).toContain("| Python (`py`) | 2 |");
    expect(card).toContain("decontamination not configured");
    expect(card).toMatch(/### run one \(`r1`\)\n\n```yaml\nlanguages:\n  - py\n  - cpp\nmemory:\n  capacity: 8\n```/);
  });
});
