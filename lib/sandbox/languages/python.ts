import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `python3 f.py`. */
export const python: LanguageSpec = {
  id: "py",
  name: "Python",
  extension: "py",
  requires: () => [{ path: "/usr/bin/python3", install: "apt package python3" }],
  defaultLimits: {},
  sourceFile: () => "main.py",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/python3", sourceFile] }),
  syntaxError: /^(SyntaxError|IndentationError|TabError)\b/m,
  outOfMemory: /^MemoryError\b/m,
};
