import type { JailRun } from "@/lib/sandbox/jail/run-jailed";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import type { ExecutionStatus, Limits } from "@/lib/sandbox/types";

const SIGKILL = 128 + 9;
const SIGXCPU = 128 + 24;
const SIGXFSZ = 128 + 25;

/**
 * MultiPL-E's verdict of a finished run (OK = exit 0 within the limit, failure detection per
 * language), refined with the resource verdicts.
 */
export function classifyRun(language: Pick<LanguageSpec, "failed" | "syntaxError" | "outOfMemory">, run: JailRun, limits: Pick<Limits, "cpuMs">): ExecutionStatus {
  if (run.outputExceeded || run.exitCode === SIGXFSZ) return "output_limit";
  if (run.wallExceeded || run.exitCode === SIGXCPU) return "timeout";
  const failed = language.failed ? language.failed(run) : run.exitCode !== 0;
  if (!failed) return "ok";
  // The CPU limit's hard stop is SIGKILL; nothing else in the sandbox sends it from outside.
  if (run.exitCode === SIGKILL && run.durationMs >= limits.cpuMs) return "timeout";
  if (language.outOfMemory.test(run.stderr)) return "memory";
  if (language.syntaxError && (language.syntaxError.test(run.stderr) || language.syntaxError.test(run.stdout))) return "syntax_error";
  return "exception";
}
