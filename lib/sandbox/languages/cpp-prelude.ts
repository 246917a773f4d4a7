/**
 * The block of `#include <...>` lines a C++ program starts with (after any leading comments).
 * Precompiling exactly that block and force-including it (`-include`) before the program gives
 * the compiler the same declarations in the same order; the program's own includes then hit
 * their include guards. Only angle-bracket system headers qualify, so a precompiled header
 * never reads user files.
 */
export function leadingSystemIncludes(program: string): string | null {
  const lines: string[] = [];
  let rest = program;
  for (;;) {
    rest = rest.replace(/^\s+/, "");
    if (rest.startsWith("/*")) {
      const end = rest.indexOf("*/", 2);
      if (end < 0) break;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith("//")) {
      const end = rest.indexOf("\n");
      rest = end < 0 ? "" : rest.slice(end + 1);
    } else {
      const end = rest.indexOf("\n");
      const line = (end < 0 ? rest : rest.slice(0, end)).trim();
      const match = /^#\s*include\s*<([A-Za-z0-9_+\-./]+)>$/.exec(line);
      if (!match || match[1].includes("..")) break;
      lines.push(`#include <${match[1]}>`);
      rest = end < 0 ? "" : rest.slice(end + 1);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : null;
}
