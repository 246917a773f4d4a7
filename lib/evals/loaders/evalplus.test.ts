import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "@/lib/evals/build-program";
import { loadBenchmark } from "@/lib/evals/loaders/load-benchmark";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";

/**
 * A file in EvalPlus' documented JSONL layout (as written by Python's json module, NaN and
 * Infinity included), since the real HumanEval+/MBPP+ files are not available offline.
 */
const lines = [
  {
    task_id: "HumanEval/2",
    prompt: 'def truncate_number(number: float) -> float:\n    """ Return the decimal part of the number.\n    >>> truncate_number(3.5)\n    0.5\n    """\n',
    entry_point: "truncate_number",
    canonical_solution: "    return number % 1.0\n",
    contract: '    assert number > 0, "invalid inputs"\n',
    base_input: [[3.5], [1.33], [123.456]],
    plus_input: [[1e-9], [999999.999999]],
    atol: 1e-6,
  },
  {
    task_id: "HumanEval/32",
    prompt: "import math\n\ndef poly(xs: list, x: float):\n    return sum([coeff * math.pow(x, i) for i, coeff in enumerate(xs)])\n\ndef find_zero(xs: list):\n    \"\"\" xs are coefficients of a polynomial; return one zero. \"\"\"\n",
    entry_point: "find_zero",
    canonical_solution:
      "    begin, end = -1., 1.\n    while poly(xs, begin) * poly(xs, end) > 0:\n        begin *= 2.0\n        end *= 2.0\n    while end - begin > 1e-10:\n        center = (begin + end) / 2.0\n        if poly(xs, center) * poly(xs, begin) > 0:\n            begin = center\n        else:\n            end = center\n    return begin\n",
    base_input: [[[1, 2]], [[-6, 11, -6, 1]]],
    plus_input: [[[2, -3]]],
    atol: 1e-4,
  },
  {
    task_id: "Mbpp/2",
    prompt: '"""\nWrite a function to find the shared elements from the given two lists.\nassert set(similar_elements((3, 4, 5, 6),(5, 7, 4, 10))) == set((4, 5))\n"""\n',
    entry_point: "similar_elements",
    canonical_solution: "\ndef similar_elements(test_tup1, test_tup2):\n  return tuple(set(test_tup1) & set(test_tup2))\n",
    base_input: [[[3, 4, 5, 6], [5, 7, 4, 10]]],
    plus_input: [[[1, 2, 3, 4], [5, 4, 3, 7]]],
    atol: 0,
  },
];
const nanLine = '{"task_id": "HumanEval/4", "prompt": "def ident(x):\\n", "entry_point": "ident", "canonical_solution": "    return x\\n", "base_input": [[1.0], [NaN], [-Infinity]], "plus_input": [], "atol": 0}';

function file(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "evalplus-"));
  const f = path.join(dir, "plus.jsonl");
  writeFileSync(f, lines.map((l) => JSON.stringify(l)).join("\n") + "\n" + nanLine + "\n");
  return f;
}

describe("EvalPlus loader and harness", () => {
  it("splits HumanEval+ and MBPP+ tasks and keeps base + plus inputs", async () => {
    const f = file();
    const he = await loadBenchmark("humaneval+", f);
    const mb = await loadBenchmark("mbpp+", f);
    expect(he.map((p) => p.id)).toEqual(["HumanEval/2", "HumanEval/32", "HumanEval/4"]);
    expect(mb.map((p) => p.id)).toEqual(["Mbpp/2"]);
    expect(he[0]).toMatchObject({ format: "evalplus", inputs: [[3.5], [1.33], [123.456], [1e-9], [999999.999999]] });
  });

  it("passes correct solutions (float tolerance, find_zero oracle, tuple inputs, NaN) and fails wrong ones", async () => {
    const f = file();
    const problems = [...(await loadBenchmark("humaneval+", f)), ...(await loadBenchmark("mbpp+", f))];
    const byId = Object.fromEntries(problems.map((p) => [p.id, p]));
    const cases: [string, string, "completion" | "chat", boolean][] = [
      ["HumanEval/2", "    return number - int(number)\n", "completion", true],
      ["HumanEval/2", "    return round(number % 1.0, 1)\n", "completion", false],
      // A different zero than the reference still passes through the find_zero oracle.
      ["HumanEval/32", "    import numpy\n    r = numpy.roots(list(reversed(xs)))\n    return float(max(x.real for x in r if abs(x.imag) < 1e-9))\n", "completion", true],
      ["HumanEval/32", "    return 0.0\n", "completion", false],
      // MBPP+ inputs are tuples again: a solution that needs tuples works.
      ["Mbpp/2", "```python\ndef similar_elements(a, b):\n    assert isinstance(a, tuple)\n    return tuple(set(a) & set(b))\n```", "chat", true],
      ["Mbpp/2", "```python\ndef similar_elements(a, b):\n    return list(set(a) & set(b))\n```", "chat", false],
      ["HumanEval/4", "    return x\n", "completion", true],
      ["HumanEval/4", "    return 0.0 if x != x else x\n", "completion", false],
    ];
    const items = cases.map(([id, gen, mode], i) => ({ id: String(i), language: "py" as const, program: buildProgram(byId[id], gen, mode).program }));
    const results = await createLocalTestExecutor()(items);
    const got = cases.map(([id, , , want], i) => [id, want, results.get(String(i))!.status === "ok"]);
    expect(got).toEqual(cases.map(([id, , , want]) => [id, want, want]));
  });

  it("rejects records without an entry point or a reference", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "evalplus-"));
    const f = path.join(dir, "bad.jsonl");
    writeFileSync(f, JSON.stringify({ task_id: "HumanEval/1", prompt: "", entry_point: "f", base_input: [] }) + "\n");
    await expect(loadBenchmark("humaneval+", f)).rejects.toMatchObject({ code: "invalid:benchmark", message: expect.stringContaining("line 1") });
  });
});
