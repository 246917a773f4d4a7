import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import type { SkippedFile, SnippetInput } from "./store-corpus";

/**
 * A minimal reader for `xinstruct generate --corpus PATH` until the corpus ingest lands:
 * a JSONL file of {content, language} lines, or source files (a folder, walked) whose language
 * comes from the extension, cut at blank lines into snippets of at most ~1024 tokens.
 */

const EXTENSIONS: Record<string, string> = {
  ".py": "py", ".java": "java", ".cpp": "cpp", ".cc": "cpp", ".cxx": "cpp", ".hpp": "cpp", ".h": "cpp",
  ".cs": "cs", ".ts": "ts", ".tsx": "ts", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "js",
  ".php": "php", ".sh": "sh", ".bash": "sh",
  ".go": "go", ".rs": "rs", ".rb": "rb", ".lua": "lua", ".pl": "pl", ".pm": "pl", ".r": "r",
  ".rkt": "rkt", ".scala": "scala", ".d": "d", ".jl": "jl", ".swift": "swift",
};
const ALIASES: Record<string, string> = {
  python: "py", java: "java", "c++": "cpp", cpp: "cpp", csharp: "cs", "c#": "cs", cs: "cs", typescript: "ts", ts: "ts",
  javascript: "js", js: "js", php: "php", bash: "sh", shell: "sh", sh: "sh", py: "py",
  golang: "go", rust: "rs", ruby: "rb", perl: "pl", racket: "rkt", julia: "jl",
};
const MAX_TOKENS = 1024;
const MAX_FILE_BYTES = 1_000_000;
const SKIP_DIRS = new Set(["node_modules", ".git", "__pycache__", "dist", "build", "target", "vendor"]);

export function languageId(name: string): string {
  const n = name.trim().toLowerCase();
  return ALIASES[n] ?? n;
}

/** Cuts source text at blank lines into pieces of at most MAX_TOKENS (≈ 4 characters a token). */
export function splitSource(text: string): { content: string; startLine: number }[] {
  const maxChars = MAX_TOKENS * 4;
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const out: { content: string; startLine: number }[] = [];
  let start = 0;
  let size = 0;
  let cut = -1; // the line after the last blank line of the current piece
  const emit = (end: number) => {
    const content = lines.slice(start, end).join("\n").trim();
    if (content) out.push({ content, startLine: start + 1 });
    start = end;
  };
  for (let i = 0; i < lines.length; i++) {
    if (size + lines[i].length + 1 > maxChars && i > start) {
      emit(cut > start ? cut : i);
      size = lines.slice(start, i).reduce((n, l) => n + l.length + 1, 0);
      cut = -1;
    }
    size += lines[i].length + 1;
    if (lines[i].trim() === "") cut = i + 1;
  }
  emit(lines.length);
  return out;
}

function readJsonl(file: string): SnippetInput[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      let row: { content?: unknown; code?: unknown; language?: unknown; lang?: unknown; path?: unknown };
      try {
        row = JSON.parse(line);
      } catch {
        throw new AppError("invalid:corpus", `${file}:${i + 1}: not a JSON line`);
      }
      const content = row.content ?? row.code;
      const language = row.language ?? row.lang;
      if (typeof content !== "string" || typeof language !== "string") throw new AppError("invalid:corpus", `${file}:${i + 1}: needs "content" and "language" strings`);
      return [{ content, language: languageId(language), path: typeof row.path === "string" ? row.path : undefined }];
    });
}

function walk(dir: string, files: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.isFile()) files.push(full);
  }
}

export function readCorpusPath(target: string): { snippets: SnippetInput[]; skipped: SkippedFile[] } {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new AppError("not_found:corpus", `No such file or folder: ${target}`);
  }
  if (stat.isFile() && target.endsWith(".jsonl")) return { snippets: readJsonl(target), skipped: [] };
  const files: string[] = [];
  if (stat.isDirectory()) walk(target, files);
  else files.push(target);
  const root = stat.isDirectory() ? target : path.dirname(target);
  const snippets: SnippetInput[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const rel = path.relative(root, file);
    const bytes = statSync(file).size;
    const language = EXTENSIONS[path.extname(file).toLowerCase()];
    if (!language) {
      if (stat.isFile()) throw new AppError("invalid:corpus", `${target}: unknown source language (by extension); use a .jsonl of {content, language}`);
      continue;
    }
    if (bytes > MAX_FILE_BYTES) {
      skipped.push({ path: rel, bytes, reason: "too-large" });
      continue;
    }
    for (const piece of splitSource(readFileSync(file, "utf8"))) snippets.push({ ...piece, language, path: rel });
  }
  return { snippets, skipped };
}
