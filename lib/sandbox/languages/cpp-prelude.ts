/**
 * The block of `#include <...>` lines a C++ program starts with. Precompiling exactly that block
 * and force-including it (`-include`) before the program gives the compiler the same
 * declarations in the same order; the program's own includes then hit their include guards.
 * Only angle-bracket system headers qualify, so a precompiled header never reads user files.
 */
export function leadingSystemIncludes(program: string): string | null {
  const lines: string[] = [];
  for (const raw of program.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const match = /^#\s*include\s*<([A-Za-z0-9_+\-./]+)>$/.exec(line);
    if (!match || match[1].includes("..")) break;
    lines.push(`#include <${match[1]}>`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : null;
}
