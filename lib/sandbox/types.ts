import { MULTIPLE_LANGUAGES } from "@/lib/domain/language-names";

/** The MultiPL-E languages, by the short ids MultiPL-E uses (see language-names.ts). */
export const LANGUAGE_IDS = MULTIPLE_LANGUAGES;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

export function isLanguageId(value: unknown): value is LanguageId {
  return typeof value === "string" && (LANGUAGE_IDS as readonly string[]).includes(value);
}

/**
 * A verdict compatible with MultiPL-E: `ok` (exit 0 within the limit), `syntax_error` (compile,
 * type-check or parse failure), `exception` (non-zero exit), `timeout`; plus the resource
 * verdicts `memory` and `output_limit`, and `unavailable` when the toolchain is missing.
 */
export type ExecutionStatus = "ok" | "syntax_error" | "exception" | "timeout" | "memory" | "output_limit" | "unavailable";

export interface ExecutionResult {
  status: ExecutionStatus;
  /** Exit code of the run step (of the compiler when compilation failed); null when killed by us. */
  exitCode: number | null;
  /** Captured output, each stream capped (see Limits.captureBytes). */
  stdout: string;
  stderr: string;
  /** The compiler's full diagnostics (compiled languages only), so a user sees why. */
  compileOutput?: string;
  /** Wall time of compile + run. */
  durationMs: number;
  compileMs?: number;
  /** True when the compilation came from the cache of identical compilations. */
  compileCached?: boolean;
}

/** Resource limits of one run. Every field has a per-language default (see limits.ts). */
export interface Limits {
  /** Wall-clock limit of the run step; every process of the run is killed when it passes. */
  wallMs: number;
  /** CPU-time limit per process (RLIMIT_CPU, whole seconds, rounded up). */
  cpuMs: number;
  /** Address-space limit per process (RLIMIT_AS). The JVM and node need more than Python. */
  memoryBytes: number;
  /** Processes + threads of the sandbox uid (RLIMIT_NPROC). */
  processes: number;
  /** stdout + stderr bytes after which the run is killed with `output_limit`. */
  outputBytes: number;
  /** Bytes of each stream kept in the result. */
  captureBytes: number;
  /** Largest file the program may write (RLIMIT_FSIZE). */
  fileSizeBytes: number;
  /** Open file descriptors (RLIMIT_NOFILE). */
  openFiles: number;
  /** Size of the private writable /tmp and of the work dir (each a tmpfs). */
  tmpBytes: number;
  /** Wall-clock limit of the compile step. */
  compileWallMs: number;
}

export interface ProgramSpec {
  language: LanguageId;
  /** The full source text. */
  program: string;
  limits?: Partial<Limits>;
  /** Bytes for standard input (empty by default). */
  stdin?: string;
}
