import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBenchmarkFile, type BenchmarkItem } from "./benchmarks";
import { buildContaminationIndex, decontaminate, findContamination, type ContaminationIndex } from "./decontaminate";

const B = "../shared/benchmarks";
const FILES = [
  "HumanEval.jsonl",
  "mbpp/sanitized-mbpp.json",
  ...["py", "java", "cpp", "cs", "ts", "js", "php", "sh"].map((l) => `multipl-e/humaneval-${l}.jsonl`),
];

let items: BenchmarkItem[];
let index: ContaminationIndex;
const item = (bench: string, id: string) => items.find((i) => i.benchmark === bench && i.id === id)!;

beforeAll(async () => {
  items = (await Promise.all(FILES.map((f) => loadBenchmarkFile(`${B}/${f}`)))).flat();
  index = buildContaminationIndex(items);
});

describe("decontamination", () => {
  it("finds a HumanEval problem copied into a file, whatever its case and indentation", () => {
    const he = item("HumanEval", "HumanEval/12");
    const copied = `import os\n\nclass Helpers:\n${(he.prompt! + he.solution!).toUpperCase().replace(/\n/g, "\n  ")}\n\nprint(Helpers)\n`;
    expect(findContamination(copied, index)).toMatchObject({ benchmark: "HumanEval", itemId: "HumanEval/12", kind: "prompt_substring" });
  });

  it("finds a benchmark solution alone", () => {
    const mbpp = item("sanitized-mbpp", "17");
    expect(mbpp.solution!.length).toBeGreaterThan(50);
    const m = findContamination(`# utilities\n${mbpp.solution}\n`, index);
    expect(m).toMatchObject({ benchmark: "sanitized-mbpp", itemId: "17", kind: "solution_substring" });
  });

  it("finds a 10-word overlap with a reworded docstring", () => {
    const he = item("HumanEval", "HumanEval/0");
    // "Check if in given list of numbers, are any two numbers closer to each other than given threshold."
    const code = "def near(xs, t):\n    # check IF in given list of numbers -- are any two numbers closer!\n    return False\n";
    expect(he.prompt).toContain("Check if in given list of numbers, are any two numbers closer");
    expect(findContamination(code, index)).toMatchObject({ itemId: "HumanEval/0", kind: "ngram", evidence: "check if in given list of numbers are any two" });
    // nine words of it are not enough
    expect(findContamination("# if in given list of numbers are any two\n", index)).toBeNull();
  });

  it("finds a MultiPL-E prompt in its language", () => {
    const ts = item("humaneval-ts", "HumanEval_7_filter_by_substring");
    expect(findContamination(`${ts.prompt}  return strings.filter(s => s.includes(substring));\n}\n`, index)).toMatchObject({
      benchmark: "humaneval-ts",
      itemId: "HumanEval_7_filter_by_substring",
    });
  });

  it("does not flag the boilerplate every MultiPL-E C# or Java prompt starts with", () => {
    const cs = item("humaneval-cs", "HumanEval_0_has_close_elements").prompt!;
    const header = cs.slice(0, cs.indexOf("class Problem"));
    expect(header).toContain("using System.Numerics;");
    const clean = `${header}namespace Shop {\n  class Cart {\n    public int Total(List<int> prices) { return prices.Sum(); }\n  }\n}\n`;
    expect(findContamination(clean, index)).toBeNull();
    const java = item("humaneval-java", "HumanEval_0_has_close_elements").prompt!;
    const jHeader = java.slice(0, java.indexOf("class Problem"));
    expect(findContamination(`${jHeader}class Inventory {\n  int count;\n}\n`, index)).toBeNull();
  });

  it("does not flag n-grams of numbers (HumanEval/78 lists the digits 0..9)", () => {
    expect(item("HumanEval", "HumanEval/78").prompt).toMatch(/0, 1, 2, 3, 4, 5, 6, 7, 8, 9/);
    expect(findContamination("DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", index)).toBeNull();
  });

  it("does not flag one-line solutions found in ordinary code", () => {
    const short = items.filter((i) => i.benchmark === "HumanEval" && i.solution && i.solution.trim().length < 30);
    expect(short.length).toBeGreaterThan(3);
    for (const s of short) expect(findContamination(`def helper(a, b, string, numbers):\n${s.solution}`, index)).toBeNull();
  });

  it("leaves real, unrelated code alone", () => {
    const dirs = [path.join("node_modules", "yaml", "dist", "compose"), path.join("node_modules", "commander", "lib")];
    const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".js")).map((f) => path.join(d, f)));
    expect(files.length).toBeGreaterThan(5);
    const { kept, removed } = decontaminate(files.map((f) => ({ content: fs.readFileSync(f, "utf8") })), index);
    expect(removed).toEqual([]);
    expect(kept).toHaveLength(files.length);
  });

  it("filters generated samples with a caller-chosen text", () => {
    const he = item("HumanEval", "HumanEval/3");
    const samples = [
      { q: "Write a function that adds two numbers.", a: "def add(a, b):\n    return a + b\n" },
      { q: "Solve this:", a: he.prompt! + he.solution! },
    ];
    const { kept, removed } = decontaminate(samples, index, { text: (s) => `${s.q}\n${s.a}` });
    expect(kept).toEqual([samples[0]]);
    expect(removed).toEqual([{ item: samples[1], match: expect.objectContaining({ benchmark: "HumanEval", itemId: "HumanEval/3" }) }]);
  });

  it("indexes only the benchmarks given", () => {
    const onlyMbpp = buildContaminationIndex(items.filter((i) => i.benchmark === "sanitized-mbpp"));
    const he = item("HumanEval", "HumanEval/12");
    expect(onlyMbpp.benchmarks).toEqual(["sanitized-mbpp"]);
    expect(findContamination(he.prompt! + he.solution!, onlyMbpp)).toBeNull();
  });
});
