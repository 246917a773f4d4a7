import type { CompileOutcome, ServerReply } from "@/lib/sandbox/languages/language-spec";

/** Turns a warm compiler's reply into a compile verdict. */
export function serverOutcome(reply: ServerReply, outOfMemory: RegExp, facts?: Record<string, string>): CompileOutcome {
  if (reply.timedOut) return { status: "timeout", exitCode: null, output: reply.output };
  if (reply.exitCode === 0) return { status: "ok", exitCode: 0, output: reply.output, facts };
  if (outOfMemory.test(reply.output)) return { status: "memory", exitCode: reply.exitCode, output: reply.output };
  return { status: "syntax_error", exitCode: reply.exitCode, output: reply.output };
}
