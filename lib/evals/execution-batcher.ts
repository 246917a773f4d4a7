import type { Execute, ExecutionItem, ExecutionResult } from "@/lib/evals/types";

/**
 * Groups programs that become ready close together into one execute() call, so the executor
 * sees batches (its pool stays full) without the evaluator waiting for all generations first.
 */
export class ExecutionBatcher {
  #pending: { item: ExecutionItem; resolve: (r: ExecutionResult) => void; reject: (e: unknown) => void }[] = [];
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly execute: Execute,
    private readonly opts: { maxBatch: number; windowMs: number; signal?: AbortSignal },
  ) {}

  run(item: ExecutionItem): Promise<ExecutionResult> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      if (this.#pending.length >= this.opts.maxBatch) this.flush();
      else if (!this.#timer) this.#timer = setTimeout(() => this.flush(), this.opts.windowMs);
    });
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    const byId = new Map(batch.map((b) => [b.item.id, b]));
    const settled = new Set<string>();
    this.execute(
      batch.map((b) => b.item),
      {
        signal: this.opts.signal,
        onResult: (id, r) => {
          const waiter = byId.get(id);
          if (waiter && !settled.has(id)) {
            settled.add(id);
            waiter.resolve(r);
          }
        },
      },
    ).then(
      (all) => {
        for (const b of batch) {
          if (settled.has(b.item.id)) continue;
          const r = all.get(b.item.id);
          if (r) b.resolve(r);
          else b.reject(new Error(`the executor returned no result for ${b.item.id}`));
        }
      },
      (e) => batch.forEach((b) => settled.has(b.item.id) || b.reject(e)),
    );
  }
}
