import type { CompileOutcome } from "@/lib/sandbox/languages/language-spec";
import type { JailRun } from "@/lib/sandbox/jail/run-jailed";

/** Turns a jailed compiler run into a compile verdict. */
export function compileOutcome(run: JailRun, outOfMemory: RegExp, facts?: Record<string, string>): CompileOutcome {
  const output = [run.stdout, run.stderr].filter((s) => s.length > 0).join("\n");
  if (run.wallExceeded || run.exitCode === 128 + 24) return { status: "timeout", exitCode: run.exitCode, output };
  if (run.exitCode === 0) return { status: "ok", exitCode: 0, output, facts };
  if (outOfMemory.test(output)) return { status: "memory", exitCode: run.exitCode, output };
  return { status: "syntax_error", exitCode: run.exitCode, output };
}
