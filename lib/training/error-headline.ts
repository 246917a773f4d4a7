/**
 * The line of a trainer failure that says what went wrong. Failures carry "the trainer exited
 * with code 1; last log lines:" and a Python traceback whose last line names the exception;
 * a reader wants that line first, not the head of the traceback.
 */
export function errorHeadline(error: string): string {
  const lines = error.split("\n").map((l) => l.trim()).filter(Boolean);
  const exception = [...lines].reverse().find((l) => /^([A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)|error|fatal)\b:?/i.test(l) && !/^File "/.test(l));
  return exception ?? lines[0] ?? error;
}
