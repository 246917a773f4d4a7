/**
 * How a sample's tests run: the program is the solution followed by the tests in one source
 * file; it passes when it exits with status 0. The prompts state this per language so that an
 * LLM's tests can be executed by the sandbox as they are.
 */
const CONVENTIONS: Record<string, string> = {
  py: "The tests are top-level `assert` statements.",
  java: "The solution declares non-public classes and no package, with its imports at the top; the tests are a `public class Main` whose `main` calls `System.exit(1)` when a check fails. The file is Main.java.",
  cpp: "The solution includes every header it needs; the tests are an `int main()` that returns 1 when a check fails and 0 otherwise.",
  cs: "The solution starts with its `using` directives; the tests are a `class Program` whose `static void Main()` calls `System.Environment.Exit(1)` when a check fails.",
  ts: "The tests are top-level checks that `throw new Error(...)` when a check fails; no test framework, no imports.",
  js: "The tests are top-level checks that `throw new Error(...)` when a check fails; no test framework, no imports.",
  php: "The solution starts with `<?php`; the tests are top-level checks that call `exit(1)` when a check fails.",
  sh: "The solution defines Bash functions; the tests call them and `exit 1` when an output is wrong.",
};

export function testConvention(language: string): string {
  return `${CONVENTIONS[language] ?? "The tests exit with a non-zero status when a check fails."} The program is the solution followed by the tests in one file, and passes when it exits with status 0.`;
}

export function assembleProgram(solution: string, tests: string): string {
  return `${solution.trimEnd()}\n\n${tests.trim()}\n`;
}

/** File name the program must have where the language cares (Java's public class). */
export function programFileName(language: string): string {
  const ext: Record<string, string> = { py: "py", java: "java", cpp: "cpp", cs: "cs", ts: "ts", js: "js", php: "php", sh: "sh" };
  return language === "java" ? "Main.java" : `main.${ext[language] ?? language}`;
}
