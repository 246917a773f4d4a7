import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { assembleProgram, programFileName } from "@/lib/domain/test-convention";
import { buggySolution, PROBLEM_KEYS, TEMPLATES } from "./index";

/**
 * The demo model's solutions are real programs: each passes its tests with the real toolchain,
 * and each planted bug makes them fail. Programs are assembled by the documented convention
 * (solution, then tests, in one file; exit status 0 = pass).
 */

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function exitCode(language: string, program: string): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), `xinstruct-tpl-${language}-`));
  dirs.push(dir);
  const file = path.join(dir, programFileName(language));
  await writeFile(file, program);
  const opts = { cwd: dir, timeout: 60_000 };
  try {
    switch (language) {
      case "py":
        await run("python3", [file], opts);
        break;
      case "java":
        await run("javac", ["-d", dir, file], opts);
        await run("java", ["-cp", dir, "Main"], opts);
        break;
      case "cpp":
        await run("g++", ["-std=c++17", "-o", path.join(dir, "a.out"), file], opts);
        await run(path.join(dir, "a.out"), [], opts);
        break;
      case "cs":
        await run("mcs", ["-out:" + path.join(dir, "a.exe"), file], opts);
        await run("mono", [path.join(dir, "a.exe")], opts);
        break;
      case "ts": {
        const diagnostics = ts.transpileModule(program, { reportDiagnostics: true, compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022 } });
        if (diagnostics.diagnostics?.length) return 2;
        await writeFile(path.join(dir, "main.js"), diagnostics.outputText);
        await run("node", [path.join(dir, "main.js")], opts);
        break;
      }
      case "js":
        await run("node", [file], opts);
        break;
      case "php":
        await run("php", [file], opts);
        break;
      case "sh":
        await run("bash", [file], opts);
        break;
      default:
        throw new Error(`no runner for ${language}`);
    }
    return 0;
  } catch (e) {
    const err = e as { code?: number | string; stderr?: string };
    if (typeof err.code !== "number") throw e;
    return err.code;
  }
}

describe.each(Object.keys(TEMPLATES))("demo model templates in %s", (language) => {
  it.concurrent.each(PROBLEM_KEYS)("%s passes its tests and its planted bug fails them", async (key) => {
    const impl = TEMPLATES[language][key];
    expect(impl.solution).toContain(impl.fn);
    expect(impl.solution).toContain(impl.bug[0]);
    expect(await exitCode(language, assembleProgram(impl.solution, impl.tests))).toBe(0);
    expect(await exitCode(language, assembleProgram(buggySolution(impl), impl.tests))).not.toBe(0);
  });
});
