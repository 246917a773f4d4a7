import type { Execute, ExecutionItem, ExecutionResult, Language } from "@/lib/evals/types";

interface Waiting {
  item: ExecutionItem;
  resolve: (r: ExecutionResult) => void;
  reject: (e: unknown) => void;
}

/** Programs kept in the executor when it does not say how many it runs at once. */
const DEFAULT_SLOTS = 8;

/**
 * Streams programs into the executor as they become ready, instead of in windows: up to twice
 * the executor's slots are handed over at any time (one program per call), so a slot that frees
 * finds the next program already queued in the executor, and the executor never waits on this
 * process. Programs wait here in one queue per language and the next one comes from the
 * language already running while it has any, so each language's programs run together (warm
 * compilers, one language's toolchain at a time) as when the executor is given all programs at
 * once. Hand-over order within a language is arrival order.
 */
export class ExecutionStream {
  readonly #queues = new Map<Language, Waiting[]>();
  readonly #width: number;
  #current: Language | null = null;
  #inFlight = 0;

  constructor(
    private readonly execute: Execute,
    private readonly opts: { signal?: AbortSignal } = {},
  ) {
    this.#width = 2 * Math.max(1, execute.slots ?? DEFAULT_SLOTS);
    opts.signal?.addEventListener("abort", () => this.#rejectWaiting(opts.signal!.reason), { once: true });
  }

  run(item: ExecutionItem): Promise<ExecutionResult> {
    return new Promise((resolve, reject) => {
      if (this.opts.signal?.aborted) return reject(this.opts.signal.reason);
      const queue = this.#queues.get(item.language) ?? [];
      queue.push({ item, resolve, reject });
      this.#queues.set(item.language, queue);
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#width) {
      const next = this.#take();
      if (!next) return;
      this.#inFlight++;
      this.execute([next.item], { signal: this.opts.signal })
        .then((results) => {
          const r = results.get(next.item.id);
          if (r) next.resolve(r);
          else next.reject(new Error(`the executor returned no result for ${next.item.id}`));
        }, next.reject)
        .finally(() => {
          this.#inFlight--;
          this.#pump();
        });
    }
  }

  /** The next program: the current language's while it has one, else the longest queue's. */
  #take(): Waiting | undefined {
    const current = this.#current ? this.#queues.get(this.#current) : undefined;
    if (current?.length) return current.shift();
    let best: Language | null = null;
    for (const [language, queue] of this.#queues) {
      if (queue.length > 0 && (best === null || queue.length > this.#queues.get(best)!.length)) best = language;
    }
    this.#current = best;
    return best ? this.#queues.get(best)!.shift() : undefined;
  }

  #rejectWaiting(reason: unknown): void {
    for (const queue of this.#queues.values()) for (const w of queue.splice(0)) w.reject(reason);
  }
}
