import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";
import { parseLanguageName } from "./languages";

describe("detectLanguage", () => {
  it("uses the extension first", () => {
    const cases: [string, string][] = [
      ["a/b.py", "py"], ["Main.java", "java"], ["x.cc", "cpp"], ["x.hpp", "cpp"], ["P.cs", "cs"],
      ["c.tsx", "ts"], ["m.mjs", "js"], ["i.php", "php"], ["run.bash", "sh"], ["UP.PY", "py"],
    ];
    for (const [p, lang] of cases) expect(detectLanguage(p, "whatever"), p).toEqual({ language: lang, source: "extension" });
  });

  it("reads the shebang of files without a known extension", () => {
    expect(detectLanguage("bin/tool", "#!/usr/bin/env python3\nprint(1)\n")).toEqual({ language: "py", source: "shebang" });
    expect(detectLanguage("deploy", "#!/bin/bash\nset -e\n")).toEqual({ language: "sh", source: "shebang" });
    expect(detectLanguage("cli", "#!/usr/bin/env node\nconsole.log(1)")).toEqual({ language: "js", source: "shebang" });
    expect(detectLanguage("x", "#!/usr/bin/php\n<?php echo 1;")).toEqual({ language: "php", source: "shebang" });
  });

  it("falls back to content heuristics for files without an extension", () => {
    const guess = (c: string) => detectLanguage("snippet", c).language;
    expect(guess("from typing import List\n\ndef f(xs: List[int]) -> int:\n    return sum(xs)\n")).toBe("py");
    expect(guess("#include <vector>\nint main() { std::vector<int> v; return 0; }")).toBe("cpp");
    expect(guess("using System;\nclass P { static void Main() { Console.WriteLine(1); } }")).toBe("cs");
    expect(guess("import java.util.*;\nclass Problem { public static void main(String[] a) { System.out.println(1); } }")).toBe("java");
    expect(guess("interface Point { x: number }\nconst p: Point = { x: 1 };")).toBe("ts");
    expect(guess("const fs = require('fs');\nfunction f(a) { return a => a + 1; }\nconsole.log(f(1));")).toBe("js");
    expect(guess("<?php\nfunction f($x) { return $x; }")).toBe("php");
    expect(guess('if [ -f "$1" ]; then\n  echo "$1"\nfi\n')).toBe("sh");
  });

  it("names what it skips and why", () => {
    const go = detectLanguage("main.go", "package main");
    expect(go).toMatchObject({ language: null, reason: "unsupported_language" });
    expect(go.language === null && go.message).toContain(".go");
    expect(detectLanguage("README", "Just some prose about the project.")).toMatchObject({ language: null, reason: "unknown_language" });
    expect(detectLanguage("lib.h", "int add(int a, int b);")).toMatchObject({ language: null, reason: "unsupported_language" });
    expect(detectLanguage("lib.h", "namespace x { template <class T> T id(T t); }")).toEqual({ language: "cpp", source: "content" });
  });

  it("parses declared language names", () => {
    expect(parseLanguageName("Python")).toBe("py");
    expect(parseLanguageName("C#")).toBe("cs");
    expect(parseLanguageName("c++")).toBe("cpp");
    expect(parseLanguageName("Shell")).toBe("sh");
    expect(parseLanguageName("TypeScript")).toBe("ts");
    expect(parseLanguageName("go")).toBeNull();
  });
});
