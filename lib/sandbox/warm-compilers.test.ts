import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SandboxPool } from "@/lib/sandbox/pool";

const pool = new SandboxPool({ size: 2, serversPerLanguage: 1 });
afterAll(() => pool.close());

/** The cold command-line compiler, as MultiPL-E runs it: exit code and text. */
function coldCompile(command: string, args: (file: string) => string[], fileName: string, program: string): { code: number; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xinstruct-cold-"));
  writeFileSync(path.join(dir, fileName), program);
  try {
    const stdout = execFileSync(command, args(fileName), { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

const TS_PROGRAMS = {
  ok: "function add(x: number, y: number): number {\n  return x + y;\n}\nconsole.log(add(1, 2));\n",
  typeError: "function add(x: number, y: number): string {\n  return x + y;\n}\nadd('1', 2);\n",
  syntaxError: "function add(x: number, y: number): number {\n  rexturn x + y;\n}\n",
  // Merges with a standard-library global: tsc then also checks the library files.
  libMerge: "var name: number = 1;\ninterface Array<T> { extra: number }\nconsole.log(name);\n",
  libAugmentOk: "interface String { shout(): string }\nString.prototype.shout = function () { return this.toUpperCase(); };\nconsole.log('a'.shout());\n",
  module: "export function f(x: number): string { return x; }\n",
};

describe("warm compilers give the cold command line's verdict and text", () => {
  it.each(Object.entries(TS_PROGRAMS))("tsc --target esnext: %s", async (_name, program) => {
    const tsc = path.resolve("node_modules/.bin/tsc");
    const cold = coldCompile(tsc, (f) => ["--target", "esnext", f], "main.ts", program);
    const warm = await pool.run({ language: "ts", program });
    // Library files sit at /opt/typescript in the sandbox, elsewhere on the host.
    const libPath = (text: string) => text.replace(/(\.\.\/)+\S*?typescript\/lib\//g, "TYPESCRIPT/lib/");
    // tsc orders diagnostics by absolute file path, so whether a library file's error comes before
    // main.ts's depends on where the checkout sits (/check/... before /tmp/..., /work/... after).
    // Compare the diagnostics themselves: each starts at an unindented line.
    const diagnostics = (text: string) => libPath(text).split(/\n(?=\S)/).map((d) => d.trimEnd()).filter(Boolean).sort();
    expect(diagnostics(warm.compileOutput ?? "")).toEqual(diagnostics(cold.output));
    if (cold.code === 0) expect(warm.status).not.toBe("syntax_error");
    else expect({ status: warm.status, exitCode: warm.exitCode }).toEqual({ status: "syntax_error", exitCode: cold.code });
  }, 120_000);

  it.each([
    ["ok", "class Problem { public static void main(String[] a) { System.out.println(1); } }\n"],
    ["error", "import org.javatuples.*;\nclass Problem { static Pair<Integer, String> p() { return 1; } public static void main(String[] a) {} }\n"],
  ])("javac: %s", async (_name, program) => {
    const cold = coldCompile("javac", (f) => ["-d", ".", "-cp", "/usr/share/java/javatuples.jar", f], "Main.java", program);
    const warm = await pool.run({ language: "java", program });
    expect(warm.compileOutput).toBe(cold.output);
    expect(warm.status === "syntax_error").toBe(cold.code !== 0);
  }, 120_000);

  it.each([
    ["ok", "class Problem { public static void Main(string[] a) { System.Console.WriteLine(1); } }\n"],
    ["error", "class Problem { static int F() { return \"x\"; } public static void Main(string[] a) { } }\n"],
  ])("mcs: %s", async (_name, program) => {
    const cold = coldCompile("mcs", (f) => ["-d:DEBUG", "-r:System.Numerics.dll", f, "-out:main.exe"], "main.cs", program);
    const warm = await pool.run({ language: "cs", program });
    expect(warm.status === "syntax_error").toBe(cold.code !== 0);
    // The same diagnostics (mcs orders its summary line differently on a terminal).
    const lines = (text: string) => text.split("\n").filter(Boolean).sort();
    expect(lines(warm.compileOutput ?? "")).toEqual(lines(cold.output));
  }, 120_000);
});
