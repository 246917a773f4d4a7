/** What the demo model reads from a prompt built by lib/domain/prompts. */

export function line(text: string, label: string): string | null {
  const m = new RegExp(`^${label}: (.+)$`, "m").exec(text);
  return m ? m[1].trim() : null;
}

export function languageOf(text: string): string {
  return /^Language: ([a-z0-9+#-]+)/m.exec(text)?.[1] ?? "py";
}

export function allowedTargets(text: string): string[] {
  return (line(text, "Allowed target languages") ?? "py").split(",").map((s) => s.trim()).filter(Boolean);
}

/** "- name: description" lines of the block that starts with `header`. */
export function listedNames(text: string, header: string): string[] {
  const start = text.indexOf(`${header}:\n`);
  if (start < 0) return [];
  const names: string[] = [];
  for (const l of text.slice(start + header.length + 2).split("\n")) {
    const m = /^- ([a-z][a-z0-9-]*):/.exec(l);
    if (!m) break;
    names.push(m[1]);
  }
  return names;
}

export function scaleOf(text: string): number {
  return Number(/^Scale: 1-(\d+)/m.exec(text)?.[1] ?? 5);
}

/** "- aspect: 3/5 — ..." grade lines of a reflection prompt. */
export function gradesOf(text: string): { name: string; score: number; scale: number }[] {
  return [...text.matchAll(/^- ([a-z][a-z0-9-]*): (\d+)\/(\d+) /gm)].map((m) => ({ name: m[1], score: Number(m[2]), scale: Number(m[3]) }));
}

/** The code block that follows a "Code snippet:" header. */
export function snippetOf(text: string): string {
  const m = /Code snippet:\n(?:```|~~~)[^\n]*\n([\s\S]*?)\n(?:```|~~~)/.exec(text);
  return m ? m[1] : text;
}
