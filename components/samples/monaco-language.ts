/** Monaco's language id for a sample language id (MultiPL-E's short names). */
const MONACO: Record<string, string> = { py: "python", java: "java", cpp: "cpp", cs: "csharp", ts: "typescript", js: "javascript", php: "php", sh: "shell", go: "go", rs: "rust", rb: "ruby", kt: "kotlin", swift: "swift", scala: "scala", r: "r", lua: "lua" };

export function monacoLanguage(language: string): string {
  return MONACO[language] ?? "plaintext";
}
