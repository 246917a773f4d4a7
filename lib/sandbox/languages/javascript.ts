import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

export const NODE_OUT_OF_MEMORY = /JavaScript heap out of memory|Fatal process out of memory|Array buffer allocation failed|Cannot allocate memory/;

/** MultiPL-E: `node f.js`, 5 s. */
export const javascript: LanguageSpec = {
  id: "js",
  name: "JavaScript",
  extension: "js",
  requires: () => [{ path: "/usr/bin/node", install: "apt package nodejs" }],
  // V8 reserves a large address space up front.
  defaultLimits: { wallMs: 5_000, cpuMs: 5_000, memoryBytes: 4 * bytes.GiB },
  sourceFile: () => "main.js",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/node", sourceFile] }),
  syntaxError: /^SyntaxError\b/m,
  outOfMemory: NODE_OUT_OF_MEMORY,
};
