import type { LlamaChat, LlamaContext } from "node-llama-cpp";

/** Sequences of one context, leased one call at a time; callers beyond them wait in order. */
export class SequencePool {
  private free: LlamaChat[];
  private waiting: { resolve: (chat: LlamaChat | null) => void; reject: (e: unknown) => void; signal?: AbortSignal; onAbort?: () => void }[] = [];
  private leased = 0;
  private retired = false;

  get idle(): boolean {
    return this.leased === 0 && this.waiting.length === 0;
  }

  constructor(
    readonly context: LlamaContext,
    chats: LlamaChat[],
  ) {
    this.free = chats;
  }

  /** null: this pool was retired meanwhile; ask the registry again */
  acquire(signal?: AbortSignal): Promise<LlamaChat | null> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.retired) return Promise.resolve(null);
    const chat = this.free.pop();
    if (chat) {
      this.leased++;
      return Promise.resolve(chat);
    }
    return new Promise((resolve, reject) => {
      const waiter: (typeof this.waiting)[number] = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.waiting = this.waiting.filter((w) => w !== waiter);
          reject(signal.reason);
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
    });
  }

  release(chat: LlamaChat): void {
    const next = this.waiting.shift();
    if (next) {
      if (next.onAbort) next.signal?.removeEventListener("abort", next.onAbort);
      next.resolve(chat);
      return;
    }
    this.leased--;
    this.free.push(chat);
    if (this.retired && this.leased === 0) void this.context.dispose();
  }

  /** frees the context once its last call is done (it was evicted) */
  retire(): void {
    this.retired = true;
    for (const w of this.waiting.splice(0)) {
      if (w.onAbort) w.signal?.removeEventListener("abort", w.onAbort);
      w.resolve(null);
    }
    if (this.leased === 0) void this.context.dispose();
  }
}
