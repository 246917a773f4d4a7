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
  go: "The file is a Go test file run with `go test`: it starts with `package solution_test` and one import block holding \"testing\" and every package the solution and tests use; the tests are `func TestXxx(t *testing.T)` functions that call `t.Errorf` or `t.Fatalf` when a check fails.",
  rs: "The tests are an `fn main()` of `assert!`/`assert_eq!` checks (a failed one panics); only the standard library, no crates.",
  rb: "The tests are top-level checks that `raise` when a check fails (or a `Test::Unit::TestCase` after `require 'test/unit'`); no other gems.",
  lua: "The tests are top-level `assert(...)` checks (or luaunit's, `require('luaunit')`, ending with `os.exit(lu.LuaUnit.run())`); Lua 5.4.",
  pl: "The solution starts with `use strict; use warnings;`; the tests are top-level checks that `die` when a check fails. Nothing printed may contain the word ERROR.",
  r: "The tests are top-level `stopifnot(...)` checks; base R only, no packages.",
  rkt: "The file starts with `#lang racket`; the tests are top-level checks that call `(exit 1)` when a check fails. Nothing may be written to standard error (rackunit's failed checks are).",
  scala: "The solution and tests are in one `object Problem` whose `def main(args: Array[String])` runs the checks with `assert(...)`; Scala 2.11, standard library only. Nothing may be written to standard error.",
  d: "The tests are a `unittest { ... }` block of `assert(...)` checks followed by `void main() {}`; the program is compiled with `-unittest`.",
  jl: "The tests are top-level `@assert` checks (or `using Test` with `@test`).",
  swift: "The tests are top-level `assert(...)` checks (or `precondition(...)`).",
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
  if (language === "java") return "Main.java";
  if (language === "go") return "main_test.go"; // `go test` runs files named *_test.go
  return `main.${ext[language] ?? language}`;
}
