import "server-only";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CompileCache } from "@/lib/sandbox/compile/compile-cache";
import { runJailed } from "@/lib/sandbox/jail/run-jailed";
import type { CompileContext, CompileOutcome, LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { resolveLimits } from "@/lib/sandbox/limits";
import type { SandboxRuntime } from "@/lib/sandbox/runtime";
import type { ExecutionResult, Limits, ProgramSpec } from "@/lib/sandbox/types";
import { classifyRun } from "@/lib/sandbox/verdict";

export interface ExecuteContext {
  runtime: SandboxRuntime;
  language: LanguageSpec;
  /** Position of the language in the registry (spreads compile-server uids apart). */
  languageIndex: number;
  /** The pool slot's uid. */
  uid: number | null;
  signal?: AbortSignal;
}

/** Compiles (through the cache) and runs one program in a fresh sandbox; never throws for the program's faults. */
export async function executeProgram(spec: ProgramSpec, ctx: ExecuteContext): Promise<ExecutionResult> {
  const started = performance.now();
  const { runtime, language } = ctx;
  const missing = await runtime.checkLanguage(language);
  if (missing) return { status: "unavailable", exitCode: null, stdout: "", stderr: missing.message, durationMs: 0 };
  const limits = resolveLimits(language.defaultLimits, spec.limits);
  const sourceFile = language.sourceFile(spec.program);
  const key = CompileCache.key([language.id, language.compilerId ?? "", sourceFile, spec.program]);
  const lease = await runtime.cache.lease(key, async (dir) => {
    await writeFile(path.join(dir, sourceFile), spec.program, { mode: 0o644 });
    if (!language.compile) return { status: "ok", exitCode: 0, output: "" } satisfies CompileOutcome;
    const outcome = await language.compile(compileContext(spec, ctx, dir, sourceFile, limits));
    ctx.signal?.throwIfAborted(); // a cancelled compilation is not a verdict to cache
    return outcome;
  });
  const compileMs = Math.round(performance.now() - started);
  try {
    const { outcome } = lease;
    const compileOutput = language.compile ? outcome.output : undefined;
    if (outcome.status !== "ok") {
      return { status: outcome.status, exitCode: outcome.exitCode, stdout: "", stderr: "", compileOutput, durationMs: compileMs, compileMs, compileCached: lease.cached };
    }
    ctx.signal?.throwIfAborted();
    const step = language.run({ sourceFile, limits, facts: outcome.facts ?? {}, paths: runtime.paths });
    const files = (await readdir(lease.dir)).map((name) => ({ host: path.join(lease.dir, name), inside: `/work/${name}` }));
    const binds = (language.systemPaths ?? []).map((p) => ({ host: p, inside: p }));
    const run = await runJailed({ argv: step.argv, uid: ctx.uid, work: { files }, binds, env: step.env, limits }, runtime.jailSystem, {
      wallMs: limits.wallMs,
      outputBytes: limits.outputBytes,
      captureBytes: limits.captureBytes,
      stdin: spec.stdin,
      signal: ctx.signal,
    });
    if (run.aborted) ctx.signal?.throwIfAborted();
    return {
      status: classifyRun(language, run, limits),
      exitCode: run.exitCode,
      stdout: run.stdout,
      stderr: run.stderr,
      compileOutput,
      durationMs: Math.round(performance.now() - started),
      compileMs: language.compile ? compileMs : undefined,
      compileCached: language.compile ? lease.cached : undefined,
    };
  } finally {
    lease.release();
  }
}

function compileContext(spec: ProgramSpec, ctx: ExecuteContext, dir: string, sourceFile: string, limits: Limits): CompileContext {
  const { runtime, language } = ctx;
  const jailed: CompileContext["jailed"] = (hostDir, argv, options) => runtime.jailed(hostDir, argv, ctx.uid, limits, { ...options, binds: [...systemBinds(language), ...(options?.binds ?? [])] }, ctx.signal);
  const serverDir = `/jobs/${path.basename(dir)}`;
  return {
    program: spec.program,
    sourceFile,
    dir,
    limits,
    paths: runtime.paths,
    stateDir: (name) => runtime.stateDir(`${language.id}-${name}`),
    jailed,
    serverDir,
    shared: runtime.shared(language),
    async serverCompile(args) {
      const group = runtime.servers(language, ctx.languageIndex);
      for (let attempt = 0; ; attempt++) {
        const reply = await group.use(async (server) => {
          await runtime.giveTo(dir, server.uid);
          return server.request(args, limits.compileWallMs);
        });
        // A crash may be the server's, not the program's: one retry on a fresh process.
        if (!reply.crashed || attempt > 0) return { ...reply, output: reply.output.split(`${serverDir}/`).join("") };
      }
    },
  };
}

function systemBinds(language: LanguageSpec) {
  return (language.systemPaths ?? []).map((p) => ({ host: p, inside: p }));
}
