/**
 * Names a code snippet defines (functions, methods, classes), read with a few patterns that cover
 * the languages the demo model writes in. The demo model names them in its instructions, so a
 * demo run's tasks visibly come from the user's own corpus.
 */

const DEFINITIONS = [
  /\bdef\s+([A-Za-z_]\w*)/g, // Python, Ruby
  /\bfunction\s+([A-Za-z_$][\w$]*)/g, // JS/TS, PHP, Bash, Lua
  /\bclass\s+([A-Za-z_]\w*)/g,
  /\bfunc\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/g, // Go
  /\bfn\s+([A-Za-z_]\w*)/g, // Rust
  /\bsub\s+([A-Za-z_]\w*)/g, // Perl
  /^\s*([A-Za-z_][\w-]*)\s*\(\)\s*\{/gm, // Bash
  /^[ \t]*(?:[\w:<>,*&\[\]]+[ \t]+)+\**([A-Za-z_]\w*)\s*\([^;{}()]*\)\s*(?:const\s*)?\{/gm, // C-like
];

const NOT_NAMES = new Set(["if", "for", "while", "switch", "catch", "return", "else", "main", "new", "sizeof", "function", "constructor", "__init__"]);

/** Up to `max` distinct names, in order of appearance. */
export function snippetNames(code: string, max = 2): string[] {
  const found: { name: string; at: number }[] = [];
  for (const re of DEFINITIONS) {
    for (const m of code.matchAll(re)) {
      if (!NOT_NAMES.has(m[1])) found.push({ name: m[1], at: m.index ?? 0 });
    }
  }
  const names: string[] = [];
  for (const { name } of found.sort((a, b) => a.at - b.at)) {
    if (!names.includes(name)) names.push(name);
    if (names.length === max) break;
  }
  return names;
}

/** A sentence tying a demo instruction to its snippet, or "" when the snippet defines nothing. */
export function snippetReference(code: string): string {
  const names = snippetNames(code);
  if (names.length === 0) return "";
  const listed = names.map((n) => `\`${n}\``).join(" and ");
  return `Write it in the spirit of ${listed} from the given snippet (same conventions and error handling).`;
}
