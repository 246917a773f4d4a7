import { describe, expect, it } from "vitest";
import { assembleMultiplE, truncateAtStopTokens } from "@/lib/sandbox/assemble-multipl-e";
import { multiplESelfTest } from "@/lib/sandbox/testing/benchmarks";

describe("assembleMultiplE", () => {
  it("cuts the completion at the earliest stop token, whichever token comes first in the list", () => {
    const stops = ["\ndef", "\n#", "\nif", "\nclass"];
    expect(truncateAtStopTokens("    return 1\n#comment\ndef g(): pass\n", stops)).toBe("    return 1");
    expect(truncateAtStopTokens("    return 1\nif x:\n#c", stops)).toBe("    return 1");
    expect(truncateAtStopTokens("    return 1\n", stops)).toBe("    return 1\n");
    expect(truncateAtStopTokens("abc", [])).toBe("abc");
  });

  it("builds prompt + cut completion + newline + tests (MultiPL-E's Java record)", () => {
    const record = multiplESelfTest("java");
    const completion = "        return x + y;\n    }\n    public static void extra() {}\n";
    const program = assembleMultiplE({ ...record, completion });
    expect(program).toBe(`${record.prompt}        return x + y;\n\n${record.tests}`);
    // The stop token swallowed the closing brace; the tests start with it.
    expect(record.tests.startsWith("    }")).toBe(true);
  });

  it("leaves a completion without stop tokens whole", () => {
    expect(assembleMultiplE({ prompt: "P", completion: "C", tests: "T" })).toBe("PC\nT");
  });
});
