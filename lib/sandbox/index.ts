/**
 * The sandbox: the one place where generated code runs, for py, java, cpp, cs, ts, js, php, sh.
 *
 *   runProgram({ language, program, limits?, stdin? }, { signal? }) -> Promise<ExecutionResult>
 *   runMany(programs, { concurrency?, onResult?(result, index), signal? }) -> Promise<ExecutionResult[]>
 *   new SandboxPool({ size?, rootDir?, uidBase?, paths?, ... }): .run, .runMany, .queued,
 *     .running, .assertAvailable(language) (throws AppError "unavailable:language"), .close()
 *   assembleMultiplE({ prompt, completion, tests, stop_tokens }) -> program text
 *   languages: the registry (one LanguageSpec per language id)
 *
 * Verdicts follow MultiPL-E (ok / syntax_error / exception / timeout) plus memory,
 * output_limit and unavailable. Each run: its own uid per pool slot, no network, read-only
 * /usr, private size-capped /work and /tmp, CPU / wall / memory / process / file-size / output
 * limits, and every descendant killed at the end. `runProgram` and `runMany` use a process-wide
 * pool; call `closeDefaultPool()` before exiting a CLI so warm compilers stop.
 */
export { assembleMultiplE, truncateAtStopTokens, type MultiplERecord } from "@/lib/sandbox/assemble-multipl-e";
export { closeDefaultPool, getDefaultPool, runMany, runProgram } from "@/lib/sandbox/default-pool";
export { languages } from "@/lib/sandbox/languages/registry";
export type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
export { BASE_LIMITS } from "@/lib/sandbox/limits";
export { SandboxPool, type RunManyOptions, type RunOptions, type SandboxPoolOptions } from "@/lib/sandbox/pool";
export { LANGUAGE_IDS, isLanguageId, type ExecutionResult, type ExecutionStatus, type LanguageId, type Limits, type ProgramSpec } from "@/lib/sandbox/types";
