import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { hashString32 } from "./minhash";
import { codeTokens, countCodeTokens, lowerWords, normalizeWhitespace, rangeTokenCounter, tokenHashes } from "./tokenize-code";

describe("tokenize-code", () => {
  it("counts words, symbols and line breaks with indentation", () => {
    // def f ( x ) : ⏎ return x + 1  → 6 + 1 (newline+indent) + 4
    expect(countCodeTokens("def f(x):\n    return x + 1")).toBe(11);
    expect(countCodeTokens("")).toBe(0);
    // blank lines merge into the line break, as BPE vocabularies do
    expect(countCodeTokens("a\n\n\n    b")).toBe(countCodeTokens("a\n    b"));
    expect(countCodeTokens("   \t  ")).toBe(0);
  });

  it("charges long identifiers per started 8 characters", () => {
    expect(countCodeTokens("a")).toBe(1);
    expect(countCodeTokens("abcdefgh")).toBe(1);
    expect(countCodeTokens("abcdefghi")).toBe(2);
    expect(countCodeTokens("parseHeaderLineFromBuffer")).toBe(4);
  });

  it("handles non-ASCII identifiers and symbols", () => {
    expect(countCodeTokens("café = «x»")).toBe(5);
    expect(codeTokens("naïve(x) => x")).toEqual(["naïve", "(", "x", ")", "=", ">", "x"]);
  });

  it("words for n-grams are lowercased runs of letters, digits and _", () => {
    expect(lowerWords("Def has_Close(Numbers: List[float]) -> bool:")).toEqual(["def", "has_close", "numbers", "list", "float", "bool"]);
  });

  it("normalizes whitespace", () => {
    expect(normalizeWhitespace("  a \n\t b  ")).toBe("a b");
  });

  it("hashes the same tokens as codeTokens/lowerWords without building strings", () => {
    const texts = [
      "def f(x):\n  return $x + 1  # café Ünïcode 😀 ∑ x_1",
      "Hello WORLD, naïve straße: <?php echo $Ärger; ?>",
      fs.readFileSync("lib/domain/minhash.ts", "utf8"),
    ];
    for (const t of texts) {
      expect(Array.from(tokenHashes(t, "code"))).toEqual(codeTokens(t).map((x) => hashString32(x)));
      expect(Array.from(tokenHashes(t, "words"))).toEqual(lowerWords(t).map((x) => hashString32(x)));
    }
  });

  it("counts tokens of ranges like countCodeTokens of the slice", () => {
    const text = fs.readFileSync("lib/domain/minhash.ts", "utf8");
    const count = rangeTokenCounter(text);
    expect(count(0, text.length)).toBe(countCodeTokens(text));
    // ranges that start and end at line starts
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    for (let i = 0; i + 7 < lineStarts.length; i += 7) {
      const [a, b] = [lineStarts[i], lineStarts[i + 7]];
      expect(Math.abs(count(a, b) - countCodeTokens(text.slice(a, b)))).toBeLessThanOrEqual(1);
    }
    expect(count(5, 5)).toBe(0);
  });
});
