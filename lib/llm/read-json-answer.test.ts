import { describe, expect, it } from "vitest";
import { z } from "zod";
import { solutionOutput } from "@/lib/domain/output-schemas";
import { extractJsonText, readJsonAnswer } from "./read-json-answer";

const schema = z.object({ instruction: z.string().min(5) });
const json = '{"instruction": "Write a {braced} \\"quoted\\" function."}';

describe("reading the JSON out of an answer", () => {
  it("finds it in a fence, after prose, after reasoning, or as it is", () => {
    for (const raw of [json, "```json\n" + json + "\n```", "Sure! Here it is:\n" + json + "\nAnything else?", "<think>I need {a plan}</think>\n" + json, "```\n" + json + "\n```"]) {
      expect(readJsonAnswer(raw, schema)).toEqual({ ok: true, value: { instruction: 'Write a {braced} "quoted" function.' } });
    }
  });

  it("says what is wrong with a broken or incomplete answer", () => {
    expect(readJsonAnswer('{"instruction": "Write a', schema)).toMatchObject({ ok: false, kind: "not-json" });
    expect(readJsonAnswer('{"instruction": 3}', schema)).toMatchObject({ ok: false, kind: "schema", problem: expect.stringContaining("instruction") });
    expect(readJsonAnswer("<think>still thinking", schema)).toMatchObject({ ok: false, problem: "it is empty" });
  });

  it("skips braces in prose before the object", () => {
    expect(extractJsonText("Use {x} as a placeholder. " + json)).toBe(json);
  });

  it("returns code fields clean", () => {
    const raw = JSON.stringify({ solution: "```python\nprint(1)\n```", tests: "```python\nassert True\n```" });
    expect(readJsonAnswer(raw, solutionOutput)).toEqual({ ok: true, value: { solution: "print(1)", tests: "assert True" } });
  });
});
