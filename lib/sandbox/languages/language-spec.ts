import type { Bind, JailLimits } from "@/lib/sandbox/jail/jail-command";
import type { JailRun } from "@/lib/sandbox/jail/run-jailed";
import type { ExecutionStatus, LanguageId, Limits } from "@/lib/sandbox/types";

/** Where toolchains that do not come from apt live; configurable on the pool. */
export interface ToolchainPaths {
  /** The `typescript` npm package directory (holds lib/typescript.js). */
  typescriptDir: string;
  /** Debian's libjavatuples-java jar; MultiPL-E's Java tests import org.javatuples. */
  javatuplesJar: string;
  /** Directory of the compile-server sources (javac-server.java, mcs-server.cs, tsc-server.cjs). */
  serverSourcesDir: string;
}

/** A file or directory the language needs, and what to install when it is missing. */
export interface Requirement {
  path: string;
  install: string;
}

export type CompileStatus = Extract<ExecutionStatus, "ok" | "syntax_error" | "timeout" | "memory">;

export interface CompileOutcome {
  status: CompileStatus;
  exitCode: number | null;
  /** The compiler's full text output. */
  output: string;
  /** Facts the run step needs (e.g. the Java class with main). Stored with the cached compilation. */
  facts?: Record<string, string>;
}

export interface ServerReply {
  exitCode: number | null;
  output: string;
  timedOut: boolean;
  crashed: boolean;
}

/** A long-lived compiler process kept warm inside its own sandbox. */
export interface CompileServerSpec {
  name: string;
  limits: JailLimits;
  /** Builds what the server needs once (e.g. compiles its own source) and says how to start it. */
  prepare(tools: CompileTools): Promise<{ argv: string[]; binds: Bind[]; env?: Record<string, string> }>;
}

export interface CompileTools {
  paths: ToolchainPaths;
  /** A directory private to this pool where a server may keep what it built. */
  stateDir(name: string): Promise<string>;
  /** Runs a command in a fresh sandbox with `hostDir` as its writable /work. */
  jailed(hostDir: string, argv: string[], options?: JailedOptions): Promise<JailRun>;
}

export interface JailedOptions {
  binds?: Bind[];
  env?: Record<string, string>;
  limits?: Partial<Limits>;
}

export interface CompileContext extends CompileTools {
  program: string;
  sourceFile: string;
  /** Host directory holding the source; the compiler writes its outputs here. */
  dir: string;
  limits: Limits;
  /** Compiles in the language's warm server; `dir` is visible there as `serverDir`. */
  serverCompile(args: string[]): Promise<ServerReply>;
  serverDir: string;
  /** Per-pool state shared by compilations of this language (e.g. C++ precompiled headers). */
  shared<T>(key: string, create: () => T): T;
}

export interface RunStep {
  argv: string[];
  env?: Record<string, string>;
}

export interface LanguageSpec {
  id: LanguageId;
  name: string;
  extension: string;
  requires(paths: ToolchainPaths): Requirement[];
  defaultLimits: Partial<Limits>;
  /** /etc (or other) host paths the toolchain reads, bound read-only at the same place. */
  systemPaths?: string[];
  /** Name of the source file; Java needs the public class's name. */
  sourceFile(program: string): string;
  /** Identifies compiler and flags in the key of the compilation cache. */
  compilerId?: string;
  compile?(ctx: CompileContext): Promise<CompileOutcome>;
  compileServer?: CompileServerSpec;
  /** Called by runMany with all programs of this language before any is compiled. */
  planBatch?(programs: string[], shared: CompileContext["shared"]): void;
  run(input: { sourceFile: string; limits: Limits; facts: Record<string, string>; paths: ToolchainPaths }): RunStep;
  /** Whether a finished run failed; default: non-zero exit. Mono exits 0 on a failed Debug.Assert. */
  failed?(run: Pick<JailRun, "exitCode" | "stdout" | "stderr">): boolean;
  /** Interpreted languages: output that marks a parse failure (MultiPL-E's SyntaxError). */
  syntaxError?: RegExp;
  /** Output that marks running out of memory. */
  outOfMemory: RegExp;
}
