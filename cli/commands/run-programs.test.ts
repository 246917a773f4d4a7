import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { multiplESelfTest } from "@/lib/sandbox/testing/benchmarks";

const root = path.resolve(__dirname, "../..");

/** Runs the command the way bin/xinstruct.mjs runs the CLI: a commander program through tsx. */
async function xinstruct(args: string[]) {
  const runner = [
    'const { Command } = require("commander");',
    'const register = require("./cli/commands/run-programs").default;',
    "const program = new Command();",
    "register(program);",
    "program.parseAsync(process.argv).catch((e) => { console.error(e.message); process.exit(1); });",
  ].join("\n");
  return promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "--eval", runner, "--", "xinstruct", ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe("xinstruct run-programs", () => {
  it("runs a JSONL file end to end, skips malformed lines by number and prints a per-language summary", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "xinstruct-run-programs-"));
    const js = multiplESelfTest("js");
    const lines = [
      JSON.stringify({ name: "py-ok", language: "py", program: "print('hi')\n" }),
      JSON.stringify({ name: "js-multipl-e", language: "js", prompt: js.prompt, completion: `${js.completions[0]}\nfunction junk(`, tests: js.tests, stop_tokens: js.stop_tokens }),
      "{not json",
      JSON.stringify({ name: "no-code", language: "py" }),
      JSON.stringify({ name: "sh-fails", language: "sh", program: "exit 3\n" }),
      JSON.stringify({ name: "bad-lang", language: "cobol", program: "x" }),
      JSON.stringify({ name: "cpp-syntax", language: "cpp", program: "int main() { return 0 }\n" }),
    ];
    const input = path.join(dir, "in.jsonl");
    const output = path.join(dir, "out.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const { stdout, stderr } = await xinstruct(["run-programs", input, "--out", output, "--concurrency", "2", "--timeout", "10"]);

    const results = readFileSync(output, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(results.map((r) => [r.name, r.language, r.status])).toEqual([
      ["py-ok", "py", "ok"],
      ["js-multipl-e", "js", "ok"],
      ["sh-fails", "sh", "exception"],
      ["cpp-syntax", "cpp", "syntax_error"],
    ]);
    expect(results[0]).toMatchObject({ exit_code: 0, stdout: "hi\n", stderr: "" });
    expect(results[2].exit_code).toBe(3);
    expect(results[3].compile_output).toMatch(/error: expected .;. before/);
    expect(typeof results[0].duration_ms).toBe("number");
    expect(stderr).toMatch(/in\.jsonl:3: skipped malformed line: not JSON/);
    expect(stderr).toMatch(/in\.jsonl:4: skipped malformed line/);
    expect(stderr).toMatch(/in\.jsonl:6: skipped malformed line: language/);
    const last = stdout.trim().split("\n").at(-1)!;
    expect(JSON.parse(last)).toEqual({ py: { n: 1, ok: 1 }, js: { n: 1, ok: 1 }, sh: { n: 1, ok: 0 }, cpp: { n: 1, ok: 0 } });
  }, 180_000);
});
