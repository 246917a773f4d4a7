/**
 * The one line that stands for a snippet in lists: its first line that says something, past
 * the boilerplate most files open with (imports, includes, `using`, `package`, `<?php`, a
 * shebang, `set -e`, blank lines, lone braces). Falls back to the first non-blank line.
 */
const BOILERPLATE = [
  /^(import|from\s+\S+\s+import|using|package|namespace|#include|#pragma|require(_once)?|include(_once)?|use)\b/,
  /^<\?php\b/,
  /^#!/,
  /^set\s+-[euxo]/,
  /^["']use strict["'];?$/,
  /^[{}()[\];]+$/,
];

export function snippetPreview(content: string, max = 120): string {
  const lines = content.split("\n").map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => !BOILERPLATE.some((re) => re.test(l))) ?? lines[0] ?? "";
  return line.slice(0, max);
}
