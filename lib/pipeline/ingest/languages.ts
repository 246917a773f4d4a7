/**
 * The languages a corpus may hold: MultiPL-E's codes. Adding a language means one entry here,
 * one in the extension/shebang tables of detect-language.ts and a grammar in tree-sitter.ts.
 */
import { MULTIPLE_LANGUAGES } from "@/lib/domain/language-names";
export const INGEST_LANGUAGES = MULTIPLE_LANGUAGES;
export type IngestLanguage = (typeof INGEST_LANGUAGES)[number];

const ALIASES: Record<string, IngestLanguage> = {
  py: "py", python: "py", python3: "py",
  java: "java",
  cpp: "cpp", "c++": "cpp", cxx: "cpp", cc: "cpp",
  cs: "cs", "c#": "cs", csharp: "cs", "c-sharp": "cs",
  ts: "ts", typescript: "ts", tsx: "ts",
  js: "js", javascript: "js", node: "js", jsx: "js",
  php: "php",
  sh: "sh", bash: "sh", shell: "sh",
};

/** Maps a declared language name ("Python", "C#", "shell", "py") to its code, or null. */
export function parseLanguageName(name: string): IngestLanguage | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

export function isIngestLanguage(x: string): x is IngestLanguage {
  return (INGEST_LANGUAGES as readonly string[]).includes(x);
}
