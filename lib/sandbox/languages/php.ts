import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";

/** MultiPL-E: `php f.php` (Debian's php.ini under /etc/php applies, as on the host). */
export const php: LanguageSpec = {
  id: "php",
  name: "PHP",
  extension: "php",
  requires: () => [{ path: "/usr/bin/php", install: "apt package php-cli" }],
  defaultLimits: {},
  systemPaths: ["/etc/php"],
  sourceFile: () => "main.php",
  run: ({ sourceFile }) => ({ argv: ["/usr/bin/php", sourceFile] }),
  syntaxError: /PHP Parse error|^Parse error:/m,
  outOfMemory: /Allowed memory size of \d+ bytes exhausted|Out of memory/,
};
