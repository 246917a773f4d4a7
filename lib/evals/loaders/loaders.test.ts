import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { assembleMultiplE } from "@/lib/evals/assemble";
import { buildProgram } from "@/lib/evals/build-program";
import { humanEvalCanonical } from "@/lib/evals/loaders/humaneval";
import { loadBenchmark } from "@/lib/evals/loaders/load-benchmark";
import { mbppReferenceCode } from "@/lib/evals/loaders/mbpp";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { EVAL_LANGUAGES } from "@/lib/evals/types";

const B = "../shared/benchmarks";
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "evals-loaders-"));

describe("MultiPL-E loader", () => {
  it("loads all 19 real humaneval-LANG files with their stop tokens (Go's records say go_test.go)", async () => {
    const counts: Record<string, number> = {};
    for (const lang of EVAL_LANGUAGES) {
      const problems = await loadBenchmark("multipl-e", `${B}/multipl-e/humaneval-${lang}.jsonl`);
      counts[lang] = problems.length;
      expect(problems.every((p) => p.language === lang && p.stopTokens.length > 0)).toBe(true);
    }
    expect(counts).toEqual({
      py: 161, java: 158, cpp: 161, cs: 158, ts: 159, js: 161, php: 161, sh: 158,
      go: 154, rs: 156, rb: 161, lua: 161, pl: 161, r: 161, rkt: 161, scala: 160, d: 156, jl: 159, swift: 158,
    });
  });

  it("assembles MultiPL-E's own self-test completions so that #0 passes and #1 fails (py, js, sh, php)", async () => {
    const execute = createLocalTestExecutor();
    const items = [];
    for (const lang of ["py", "js", "sh", "php"]) {
      const t = JSON.parse(readFileSync(`${B}/multipl-e/test_inputs/${lang}-davinci-0.2-keep-HumanEval53.json`, "utf8"));
      for (const [i, c] of (t.completions as string[]).entries()) {
        items.push({ id: `${lang}-${i}`, language: lang as "py", program: assembleMultiplE(t.prompt, c, t.stop_tokens, t.tests) });
      }
    }
    const results = await execute(items);
    for (const lang of ["py", "js", "sh", "php"]) {
      expect([lang, results.get(`${lang}-0`)!.status]).toEqual([lang, "ok"]);
      expect([lang, results.get(`${lang}-1`)!.status]).not.toEqual([lang, "ok"]);
    }
  });

  it("names the line of a malformed record", async () => {
    const dir = tmp();
    const good = readFileSync(`${B}/multipl-e/humaneval-py.jsonl`, "utf8").split("\n").slice(0, 2).join("\n");
    writeFileSync(path.join(dir, "broken.jsonl"), good + "\n{not json\n");
    await expect(loadBenchmark("multipl-e", path.join(dir, "broken.jsonl"))).rejects.toMatchObject({ code: "invalid:benchmark", message: expect.stringContaining("line 3") });
    writeFileSync(path.join(dir, "missing.jsonl"), good + "\n" + JSON.stringify({ name: "x", language: "py", prompt: "" }) + "\n");
    await expect(loadBenchmark("multipl-e", path.join(dir, "missing.jsonl"))).rejects.toMatchObject({ message: expect.stringMatching(/line 3: .*tests/) });
    writeFileSync(path.join(dir, "lang.jsonl"), JSON.stringify({ name: "x", language: "cobol", prompt: "", tests: "", stop_tokens: [] }) + "\n");
    await expect(loadBenchmark("multipl-e", path.join(dir, "lang.jsonl"))).rejects.toMatchObject({ message: expect.stringContaining('"cobol"') });
    await expect(loadBenchmark("multipl-e", path.join(dir, "nope.jsonl"))).rejects.toMatchObject({ code: "not_found:benchmark" });
  });

  it("loads from an http URL, gzipped", async () => {
    const body = gzipSync(readFileSync(`${B}/multipl-e/humaneval-js.jsonl`));
    const server = http.createServer((req, res) => {
      if (req.url === "/humaneval-js.jsonl.gz") res.writeHead(200).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await loadBenchmark("multipl-e", `${url}/humaneval-js.jsonl.gz`)).toHaveLength(161);
      await expect(loadBenchmark("multipl-e", `${url}/missing.jsonl`)).rejects.toMatchObject({ code: "unavailable:benchmark", message: expect.stringContaining("404") });
    } finally {
      server.close();
    }
  });
});

describe("HumanEval loader", () => {
  it("builds programs that pass with the canonical solutions and fail with a wrong body", async () => {
    const file = `${B}/HumanEval.jsonl`;
    const problems = await loadBenchmark("humaneval", file);
    expect(problems).toHaveLength(164);
    const canonical = humanEvalCanonical(readFileSync(file, "utf8"), file);
    const subset = problems.slice(0, 30);
    const items = subset.flatMap((p) => [
      { id: `${p.id}#good`, language: "py" as const, program: buildProgram(p, canonical.get(p.id)!, "completion").program },
      { id: `${p.id}#bad`, language: "py" as const, program: buildProgram(p, "    return None\n", "completion").program },
    ]);
    const results = await createLocalTestExecutor()(items);
    expect(subset.filter((p) => results.get(`${p.id}#good`)!.status !== "ok").map((p) => p.id)).toEqual([]);
    expect(subset.filter((p) => results.get(`${p.id}#bad`)!.status === "ok").map((p) => p.id)).toEqual([]);
  });
});

describe("MBPP (sanitized) loader", () => {
  it("loads 426 tasks; reference code + asserts pass, chat answers are extracted", async () => {
    const file = `${B}/mbpp/sanitized-mbpp.json`;
    const problems = await loadBenchmark("mbpp", file);
    expect(problems).toHaveLength(426);
    expect(problems[0]).toMatchObject({ id: "Mbpp/2", language: "py" });
    const refs = mbppReferenceCode(readFileSync(file, "utf8"), file);
    const subset = problems.slice(0, 25);
    const items = subset.flatMap((p) => [
      { id: `${p.id}#chat`, language: "py" as const, program: buildProgram(p, `Here you go:\n\`\`\`python\n${refs.get(p.id)}\n\`\`\``, "chat").program },
      { id: `${p.id}#bad`, language: "py" as const, program: buildProgram(p, "```python\ndef unrelated():\n    pass\n```", "chat").program },
    ]);
    const results = await createLocalTestExecutor()(items);
    expect(subset.filter((p) => results.get(`${p.id}#chat`)!.status !== "ok").map((p) => p.id)).toEqual([]);
    expect(subset.filter((p) => results.get(`${p.id}#bad`)!.status === "ok").map((p) => p.id)).toEqual([]);
  });

  it("rejects a file that is not an array, naming the bad task", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "obj.json"), "{}");
    await expect(loadBenchmark("mbpp", path.join(dir, "obj.json"))).rejects.toMatchObject({ code: "invalid:benchmark" });
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify([{ task_id: 1, prompt: "x", test_list: ["assert 1"] }, { task_id: 2, prompt: "y" }]));
    await expect(loadBenchmark("mbpp", path.join(dir, "bad.json"))).rejects.toMatchObject({ message: expect.stringMatching(/task #2: test_list/) });
  });
});
