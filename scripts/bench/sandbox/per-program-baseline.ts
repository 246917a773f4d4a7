import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { JailRun } from "@/lib/sandbox/jail/run-jailed";
import { javaSourceFacts } from "@/lib/sandbox/languages/java-source";
import { languages } from "@/lib/sandbox/languages/registry";
import { resolveLimits } from "@/lib/sandbox/limits";
import type { ExecutionStatus, LanguageId } from "@/lib/sandbox/types";
import { classifyRun } from "@/lib/sandbox/verdict";

const JAR = "/usr/share/java/javatuples.jar";
const TSC = path.resolve("node_modules/.bin/tsc");

/** MultiPL-E's container: compile and run each file on its own, cold, unsandboxed. */
function steps(language: LanguageId, file: string, program: string): { compile?: string[]; run: string[]; env?: Record<string, string> } {
  switch (language) {
    case "py": return { run: ["/usr/bin/python3", file] };
    case "js": return { run: ["node", file] };
    case "php": return { run: ["php", file] };
    case "sh": return { run: ["bash", file] };
    case "cpp": return { compile: ["g++", "-std=c++17", file, "-o", "main"], run: ["./main"] };
    case "ts": return { compile: [TSC, "--target", "esnext", file], run: ["node", "main.js"] };
    case "cs": return { compile: ["mcs", "-d:DEBUG", "-r:System.Numerics.dll", file, "-out:main.exe"], run: ["mono", "main.exe"], env: { MONO_TRACE_LISTENER: "Console.Error" } };
    case "java": {
      const facts = javaSourceFacts(program);
      return { compile: ["javac", "-d", ".", "-cp", JAR, file], run: ["java", "-ea", "-cp", `.:${JAR}`, facts.mainClass ?? "Main"] };
    }
    case "go": return { compile: ["/usr/lib/go-1.19/bin/go", "test", "-c", "-o", "main.test", file], run: ["./main.test"], env: { GOCACHE: "/tmp/xinstruct-baseline-gocache", GO111MODULE: "off" } };
    case "rs": return { compile: ["/usr/bin/rustc", file, "-o", "main"], run: ["./main"] };
    case "rb": return { run: ["ruby", file] };
    case "lua": return { run: ["lua5.4", file] };
    case "pl": return { run: ["perl", file] };
    case "r": return { run: ["Rscript", file] };
    case "rkt": return { run: ["racket", file] };
    case "d": return { compile: ["ldc2", "-unittest", file, "-of=main"], run: ["./main"] };
    case "scala": return { compile: ["scalac", "-d", ".", file], run: ["scala", "-cp", ".", "Problem"] };
    case "jl": return { run: ["julia", file] };
    case "swift": return { compile: ["swiftc", file, "-o", "main"], run: ["./main"] };
  }
}

function exec(argv: string[], cwd: string, wallMs: number, env: Record<string, string> = {}): Promise<JailRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, detached: true, env: { PATH: "/usr/bin:/bin", HOME: cwd, LANG: "C.UTF-8", ...env } as unknown as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    let wallExceeded = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      wallExceeded = true;
      try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ }
    }, wallMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 137 : null), stdout, stderr, wallExceeded, outputExceeded: false, aborted: false, durationMs: performance.now() - started });
    });
  });
}

export async function runPerProgram(language: LanguageId, program: string): Promise<ExecutionStatus> {
  const spec = languages[language];
  const limits = resolveLimits(spec.defaultLimits);
  const dir = await mkdtemp(path.join(os.tmpdir(), "xinstruct-baseline-"));
  try {
    const file = spec.sourceFile(program);
    await writeFile(path.join(dir, file), program);
    const { compile, run, env } = steps(language, file, program);
    if (compile) {
      const compiled = await exec(compile, dir, limits.compileWallMs);
      if (compiled.wallExceeded) return "timeout";
      if (compiled.exitCode !== 0) return "syntax_error";
    }
    return classifyRun(spec, await exec(run, dir, limits.wallMs, env), limits);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
