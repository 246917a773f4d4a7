import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `perl f.pl`, 15 s; output containing `ERROR` is a failure too. The tests use Test::Deep (libtest-deep-perl). */
export const perl: LanguageSpec = {
  id: "pl",
  name: "Perl",
  extension: "pl",
  requires: () => [
    { path: "/usr/bin/perl", install: "apt package perl" },
    { path: "/usr/share/perl5/Test/Deep.pm", install: "apt package libtest-deep-perl" },
  ],
  defaultLimits: {},
  sourceFile: () => "main.pl",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/perl", sourceFile] }),
  failed: (run) => run.exitCode !== 0 || run.stdout.includes("ERROR") || run.stderr.includes("ERROR"),
  syntaxError: /^syntax error at |Execution of [^\n]* aborted due to compilation errors|Missing right curly/m,
  outOfMemory: /^Out of memory!/m,
};
