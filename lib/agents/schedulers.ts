/**
 * Running work concurrently without letting completion order leak into results: results are
 * stored by index, and the discussion DAG starts a discussion only after the previous
 * discussion of each of its agents has finished.
 */

/** fn over every item, at most `concurrency` at once; results in item order. Stops starting on abort. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export interface DagNode {
  id: string;
  after: string[];
}

/**
 * Runs nodes whose predecessors are done, at most `concurrency` at once, earliest node first.
 * A failing fn rejects the whole run (agent functions only throw on cancellation).
 */
export async function runDag<N extends DagNode>(nodes: readonly N[], concurrency: number, fn: (node: N, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const waiting = nodes.map((n) => n.after.filter((a) => index.has(a)).length);
  const dependents: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => n.after.forEach((a) => index.has(a) && dependents[index.get(a)!].push(i)));
  const ready: number[] = [];
  waiting.forEach((w, i) => w === 0 && ready.push(i));
  let running = 0;
  let failed: unknown = null;

  await new Promise<void>((resolve) => {
    const pump = () => {
      while (!failed && !signal?.aborted && running < concurrency && ready.length > 0) {
        const i = ready.shift()!;
        running++;
        fn(nodes[i], i).then(
          () => {
            running--;
            for (const d of dependents[i]) if (--waiting[d] === 0) insertSorted(ready, d);
            pump();
          },
          (e) => {
            running--;
            failed ??= e;
            pump();
          },
        );
      }
      if (running === 0) resolve();
    };
    pump();
  });
  if (failed) throw failed;
}

function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}
