import { describe, expect, it } from "vitest";
import { extractCode } from "./extract-code";

describe("extractCode", () => {
  it("takes the block tagged with the target language over an earlier block of another", () => {
    const answer = "Usage:\n```bash\nnode main.js\n```\nCode:\n```javascript\nfunction f(){ return 1; }\n```\n";
    expect(extractCode(answer, "js")).toBe("function f(){ return 1; }\n");
  });

  it("accepts the usual aliases of a language", () => {
    expect(extractCode("```c++\nint f();\n```", "cpp")).toBe("int f();\n");
    expect(extractCode("```csharp\nclass P {}\n```", "cs")).toBe("class P {}\n");
    expect(extractCode("```Python3\nx = 1\n```", "py")).toBe("x = 1\n");
    expect(extractCode("```typescript\nlet x: number = 1;\n```", "ts")).toBe("let x: number = 1;\n");
  });

  it("falls back to the first block of any tag, as Qwen's evaluation does", () => {
    expect(extractCode("```\nfirst\n```\n```text\nsecond\n```", "py")).toBe("first\n");
  });

  it("keeps the body of a fence the model never closed (ran out of tokens)", () => {
    expect(extractCode("Here:\n```python\ndef f():\n    return 1", "py")).toBe("def f():\n    return 1");
  });

  it("returns the whole answer when there is no fence", () => {
    expect(extractCode("def f():\n    return 1\n", "py")).toBe("def f():\n    return 1\n");
  });

  it("keeps backticks inside code and handles CRLF and indented fences", () => {
    const answer = "  ```js\r\n  const s = `a ${1}`;\r\n  ```\r\n";
    expect(extractCode(answer, "js")).toBe("  const s = `a ${1}`;\n");
  });

  it("does not end a block at a longer-fence's inner ``` line", () => {
    const answer = "````markdown\n```py\nx\n```\n````\n";
    expect(extractCode(answer, "py")).toBe("```py\nx\n```\n");
  });
});
