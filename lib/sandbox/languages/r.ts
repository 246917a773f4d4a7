import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `Rscript f.r`, 5 s (Debian's R reads its settings from /etc/R). */
export const r: LanguageSpec = {
  id: "r",
  name: "R",
  extension: "r",
  requires: () => [{ path: "/usr/bin/Rscript", install: "apt package r-base-core" }],
  defaultLimits: { wallMs: 5_000, cpuMs: 5_000 },
  systemPaths: ["/etc/R"],
  sourceFile: () => "main.r",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/Rscript", sourceFile] }),
  syntaxError: /^Error: unexpected |^Error in parse\(/m,
  outOfMemory: /cannot allocate vector of size|cannot allocate memory block/,
};
