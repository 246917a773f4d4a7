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
    const kotlin = detectLanguage("Main.kt", "fun main() {}");
    expect(kotlin).toMatchObject({ language: null, reason: "unsupported_language" });
    expect(kotlin.language === null && kotlin.message).toContain(".kt");
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
    expect(parseLanguageName("Racket")).toBe("rkt");
    expect(parseLanguageName("Perl")).toBe("pl");
    expect(parseLanguageName("cobol")).toBeNull();
  });

  it("knows MultiPL-E's other languages by extension, shebang and content", () => {
    const cases: [string, string][] = [
      ["main.go", "go"], ["lib.rs", "rs"], ["app.rb", "rb"], ["x.lua", "lua"], ["t.pl", "pl"], ["M.pm", "pl"],
      ["a.R", "r"], ["s.rkt", "rkt"], ["P.scala", "scala"], ["m.d", "d"], ["f.jl", "jl"], ["v.swift", "swift"],
    ];
    for (const [p, lang] of cases) expect(detectLanguage(p, "whatever"), p).toEqual({ language: lang, source: "extension" });
    expect(detectLanguage("tool", "#!/usr/bin/env ruby\nputs 1\n")).toEqual({ language: "rb", source: "shebang" });
    expect(detectLanguage("tool", "#!/usr/bin/perl -w\nprint 1;\n")).toEqual({ language: "pl", source: "shebang" });
    expect(detectLanguage("tool", "#!/usr/bin/env Rscript\ncat(1)\n")).toEqual({ language: "r", source: "shebang" });
    const guess = (c: string) => detectLanguage("snippet", c).language;
    expect(guess('package main\n\nimport "fmt"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(x)\n}\n')).toBe("go");
    expect(guess('fn main() {\n    let mut v = Vec::new();\n    v.push(1);\n    println!("{:?}", v);\n}\n')).toBe("rs");
    expect(guess("#lang racket\n(define (f x) (+ x 1))\n")).toBe("rkt");
    expect(guess("use strict;\nmy $x = 1;\nsub f { return $x; }\n")).toBe("pl");
    expect(guess("add <- function(x, y) {\n  x + y\n}\nstopifnot(add(1, 2) == 3)\n")).toBe("r");
    expect(guess("local function add(x, y)\n  return x + y\nend\nif add(1, 2) ~= 3 then\n  os.exit(1)\nend\n")).toBe("lua");
    expect(guess("require 'set'\ndef add(x, y)\n  x + y\nend\nputs add(1, 2)\n")).toBe("rb");
  });
});
