import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `bash f.sh`. */
export const bash: LanguageSpec = {
  id: "sh",
  name: "Bash",
  extension: "sh",
  requires: () => [{ path: "/usr/bin/bash", install: "apt package bash" }],
  defaultLimits: {},
  sourceFile: () => "main.sh",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/bash", sourceFile] }),
  syntaxError: /syntax error/,
  outOfMemory: /xmalloc: .*cannot allocate|Cannot allocate memory/,
};
