import { describe, expect, it } from "vitest";
import { cleanCodeField, codeField, stripThinking } from "./code-fields";

const py = "def add(a, b):\n    return a + b";

describe("code fields as models write them", () => {
  it("unwraps a fenced program, with or without a language tag or a sentence before it", () => {
    expect(cleanCodeField("```python\n" + py + "\n```")).toBe(py);
    expect(cleanCodeField("```\n" + py + "\n```\n")).toBe(py);
    expect(cleanCodeField("Here is the solution:\n\n```py\n" + py + "\n```\nThis runs in O(1).")).toBe(py);
    expect(cleanCodeField("~~~java\nclass A {}\n~~~")).toBe("class A {}");
  });

  it("keeps the body of a fence the model never closed (cut off)", () => {
    expect(cleanCodeField("```python\n" + py)).toBe(py);
  });

  it("drops <think> reasoning, closed or whose opening tag was in the prompt", () => {
    expect(cleanCodeField("<think>\nthe sum of a and b\n</think>\n" + py)).toBe(py);
    expect(cleanCodeField("first a, then b</think>\n```python\n" + py + "\n```")).toBe(py);
    expect(stripThinking("<think>never closed")).toBe("");
  });

  it("leaves clean code untouched, and a fence inside a program alone", () => {
    expect(cleanCodeField(py)).toBe(py);
    const markdown = 'def fence(code):\n    return "```\\n" + code + "\\n```"\n```\nnot a fence opener at the top\n```';
    expect(cleanCodeField(markdown)).toBe(markdown);
  });

  it("as a schema field: cleaned before validation, an empty program rejected", () => {
    expect(codeField().parse("```js\nconst x = 1;\n```")).toBe("const x = 1;");
    expect(codeField("write the code").safeParse("```js\n```").success).toBe(false);
  });
});
