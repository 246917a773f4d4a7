import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `ruby f.rb`, 5 s; the tests use test/unit (Debian's ruby-test-unit), which exits 1 on a failure. */
export const ruby: LanguageSpec = {
  id: "rb",
  name: "Ruby",
  extension: "rb",
  requires: () => [
    { path: "/usr/bin/ruby3.1", install: "apt package ruby" },
    { path: "/usr/share/rubygems-integration/all/gems/test-unit-3.5.7/lib/test/unit.rb", install: "apt package ruby-test-unit" },
  ],
  defaultLimits: { wallMs: 5_000, cpuMs: 5_000 },
  sourceFile: () => "main.rb",
  // No gems outside Debian's, no user gem dir under HOME.
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/ruby3.1", sourceFile], env: { GEM_HOME: "/tmp/gems" } }),
  syntaxError: /\(SyntaxError\)|syntax error, unexpected/,
  outOfMemory: /\(NoMemoryError\)|failed to allocate memory/,
};
