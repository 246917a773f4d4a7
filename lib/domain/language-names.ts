/**
 * Language ids of a generation run (MultiPL-E's set by default) and how prompts name them.
 * A language outside this table still works: it is named by its id.
 */
export const DEFAULT_LANGUAGES = ["py", "java", "cpp", "cs", "ts", "js", "php", "sh"] as const;

const NAMES: Record<string, string> = {
  py: "Python",
  java: "Java",
  cpp: "C++",
  cs: "C#",
  ts: "TypeScript",
  js: "JavaScript",
  php: "PHP",
  sh: "Bash",
  go: "Go",
  rs: "Rust",
  rb: "Ruby",
  kt: "Kotlin",
  swift: "Swift",
  scala: "Scala",
  r: "R",
  lua: "Lua",
};

export function languageName(id: string): string {
  return NAMES[id] ?? id;
}
