import type { Language } from "@/lib/evals/types";

/** Info-string tags a model may put on a fence for each language. */
const FENCE_TAGS: Record<Language, string[]> = {
  py: ["py", "python", "python3"],
  java: ["java"],
  cpp: ["cpp", "c++", "cc", "cxx", "c"],
  cs: ["cs", "csharp", "c#"],
  ts: ["ts", "typescript", "tsx"],
  js: ["js", "javascript", "node", "jsx"],
  php: ["php"],
  sh: ["sh", "bash", "shell", "zsh"],
  go: ["go", "golang"],
  rs: ["rs", "rust"],
  rb: ["rb", "ruby"],
  lua: ["lua"],
  pl: ["pl", "perl"],
  r: ["r"],
  rkt: ["rkt", "racket", "scheme"],
  scala: ["scala"],
  d: ["d"],
  jl: ["jl", "julia"],
  swift: ["swift"],
};

interface Fence {
  tag: string;
  body: string;
}

function fencedBlocks(text: string): { closed: Fence[]; unclosed: Fence | null } {
  const closed: Fence[] = [];
  // An opening fence is ``` (or more) at a line start, optionally indented, with an info string.
  const re = /^[ \t]*(`{3,}|~{3,})[ \t]*([^\n`]*)\n/gm;
  let m: RegExpExecArray | null;
  let from = 0;
  re.lastIndex = 0;
  while ((m = re.exec(text)) !== null) {
    if (m.index < from) continue;
    const fence = m[1];
    const tag = m[2].trim().split(/\s+/)[0]?.toLowerCase() ?? "";
    const bodyStart = m.index + m[0].length;
    const close = new RegExp(`^[ \\t]*${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`, "m");
    const rest = text.slice(bodyStart);
    const end = close.exec(rest);
    if (!end) return { closed, unclosed: { tag, body: rest } };
    closed.push({ tag, body: rest.slice(0, end.index) });
    from = bodyStart + end.index + end[0].length;
    re.lastIndex = from;
  }
  return { closed, unclosed: null };
}

/**
 * The code in a chat answer: the first fenced block tagged with the target language; else the
 * first fenced block of any tag (Qwen's evaluation takes the first block whatever its tag);
 * else the body of a fence the model never closed (it ran out of tokens); else the whole answer.
 */
export function extractCode(answer: string, language: Language): string {
  const text = answer.replace(/\r\n/g, "\n");
  const { closed, unclosed } = fencedBlocks(text);
  const tags = FENCE_TAGS[language];
  const tagged = closed.find((f) => tags.includes(f.tag));
  if (tagged) return tagged.body;
  if (closed.length > 0) return closed[0].body;
  if (unclosed) return unclosed.body;
  return text;
}
