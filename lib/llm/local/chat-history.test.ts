import { describe, expect, it } from "vitest";
import { toChatHistory } from "./chat-history";

describe("toChatHistory", () => {
  it("keeps a re-ask's conversation in order: system, question, the model's answer, the feedback", () => {
    expect(
      toChatHistory([
        { role: "system", content: "You write JSON." },
        { role: "system", content: "Answer briefly." },
        { role: "user", content: [{ type: "text", text: "Write an " }, { type: "text", text: "instruction." }] },
        { role: "assistant", content: [{ type: "reasoning", text: "hmm" }, { type: "text", text: "{\"instruction\":" }] },
        { role: "user", content: [{ type: "text", text: "That was not JSON." }] },
      ]),
    ).toEqual([
      { type: "system", text: "You write JSON.\n\nAnswer briefly." },
      { type: "user", text: "Write an instruction." },
      { type: "model", response: ["{\"instruction\":"] },
      { type: "user", text: "That was not JSON." },
    ]);
  });

  it("refuses files and tool results instead of dropping them", () => {
    expect(() => toChatHistory([{ role: "user", content: [{ type: "file", data: "aGk=", mediaType: "image/png" }] }])).toThrow(/text only/);
    expect(() => toChatHistory([{ role: "tool", content: [] }])).toThrow(/tool/);
  });
});
