import { describe, expect, it } from "vitest";
import { snippetPreview } from "./snippet-preview";

describe("snippetPreview", () => {
  it("skips the imports and openers that every file of a language shares", () => {
    expect(snippetPreview("using System;\nusing System.Linq;\n\nclass Program\n{\n  static int F() => 1;\n}")).toBe("class Program");
    expect(snippetPreview("<?php\nfunction greet($n) {\n  return $n;\n}")).toBe("function greet($n) {");
    expect(snippetPreview("#!/bin/bash\nset -euo pipefail\nfor f in \"$@\"; do echo $f; done")).toBe('for f in "$@"; do echo $f; done');
    expect(snippetPreview("import sys\nfrom os import path\n\n\ndef main(argv):\n    return 0")).toBe("def main(argv):");
    expect(snippetPreview("#include <vector>\n#include <string>\nusing namespace std;\nint add(int a, int b) { return a + b; }")).toBe("int add(int a, int b) { return a + b; }");
  });

  it("falls back to the first non-blank line when everything is boilerplate, and cuts long lines", () => {
    expect(snippetPreview("\n\nimport os\nimport sys\n")).toBe("import os");
    expect(snippetPreview("")).toBe("");
    expect(snippetPreview(`x = "${"a".repeat(300)}"`, 20)).toHaveLength(20);
  });
});
