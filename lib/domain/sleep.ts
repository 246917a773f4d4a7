/**
 * Waits `ms`, or less when `signal` aborts: the wait ends early and quietly. For loops that
 * check the signal themselves after waking (pollers, workers, backoffs that then give up).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(ms, signal, false);
}

/** Waits `ms`; an abort (before or during) rejects with the signal's reason instead. */
export function sleepOrAbort(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(ms, signal, true);
}

function wait(ms: number, signal: AbortSignal | undefined, rejectOnAbort: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      if (rejectOnAbort) reject(signal!.reason);
      else resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
