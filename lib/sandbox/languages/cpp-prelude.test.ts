import { describe, expect, it } from "vitest";
import { leadingSystemIncludes } from "@/lib/sandbox/languages/cpp-prelude";

describe("leadingSystemIncludes", () => {
  it("takes MultiPL-E's prelude block and stops at the first other line", () => {
    expect(leadingSystemIncludes("#include<assert.h>\n#include<bits/stdc++.h>\n// Add\nlong add(long x) {\n#include <vector>\n")).toBe("#include <assert.h>\n#include <bits/stdc++.h>\n");
  });

  it("never precompiles quoted or path-escaping includes", () => {
    expect(leadingSystemIncludes('#include "/etc/shadow"\n#include <vector>\n')).toBeNull();
    expect(leadingSystemIncludes("#include <../../etc/passwd>\n")).toBeNull();
    expect(leadingSystemIncludes("#include <vector>\n#include \"mine.h\"\n#include <map>\n")).toBe("#include <vector>\n");
  });

  it("a program starting with code has no block", () => {
    expect(leadingSystemIncludes("#define X 1\n#include <vector>\n")).toBeNull();
  });
});

describe("leadingSystemIncludes after comments", () => {
  it("skips a leading doc comment (HumanEval-X's prompts start with one)", () => {
    expect(leadingSystemIncludes("/*\nCheck #include <x>\n*/\n#include<stdio.h>\n// note\n#include<vector>\nusing namespace std;\n")).toBe("#include <stdio.h>\n#include <vector>\n");
  });
});
