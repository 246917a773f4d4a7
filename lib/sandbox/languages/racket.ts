import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `racket f.rkt`, 15 s; rackunit reports a failed check on stderr and still exits 0, so stderr must be empty. */
export const racket: LanguageSpec = {
  id: "rkt",
  name: "Racket",
  extension: "rkt",
  requires: () => [{ path: "/usr/bin/racket", install: "apt package racket" }],
  defaultLimits: {},
  systemPaths: ["/etc/racket"],
  sourceFile: () => "main.rkt",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/racket", sourceFile] }),
  failed: (run) => run.exitCode !== 0 || run.stderr.length > 0,
  syntaxError: /read-syntax: |: bad syntax|unbound identifier/,
  outOfMemory: /out of memory/,
};
