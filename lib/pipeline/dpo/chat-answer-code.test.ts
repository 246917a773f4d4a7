import { describe, expect, it } from "vitest";
import { codeFromChatAnswer } from "@/lib/pipeline/dpo/chat-answer-code";

describe("code from a sampled chat answer", () => {
  it("takes the block tagged with the query's language, as the evaluator does", () => {
    const answer = "Here:\n```text\nnot this\n```\n```python\ndef f(x):\n    return x + 1\n```\nDone.";
    expect(codeFromChatAnswer(answer, "py")).toBe("def f(x):\n    return x + 1\n");
  });

  it("a bare answer is the code; a language without fence tags takes the first block", () => {
    expect(codeFromChatAnswer("def f(): pass", "py")).toBe("def f(): pass");
    expect(codeFromChatAnswer("```go\npackage main\n```", "go")).toBe("package main\n");
  });
});
