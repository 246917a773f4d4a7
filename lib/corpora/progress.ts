import type { IngestProgress } from "@/lib/pipeline/ingest/types";

/**
 * One progress bar for the whole import, from the stages' own counts. Reading has no known
 * total (a folder or an archive is read as it is walked), so its band fills asymptotically
 * and the message carries the real count; the other stages report done/total.
 */
export type CorpusPhase = IngestProgress["phase"] | "benchmarks" | "writing";

export interface CorpusProgress {
  phase: CorpusPhase;
  done: number;
  total?: number;
  message?: string;
}

export const PROGRESS_SCALE = 1000;

const BANDS: Record<CorpusPhase, [number, number]> = {
  benchmarks: [0, 0.03],
  reading: [0.03, 0.6],
  decontaminating: [0.6, 0.66],
  deduplicating: [0.66, 0.88],
  writing: [0.88, 0.99],
  done: [1, 1],
};

/** Files read before the reading band is half full. */
const READING_HALF = 2000;

export function overallProgress(p: CorpusProgress): { done: number; total: number; message: string } {
  const [from, to] = BANDS[p.phase];
  const share =
    p.phase === "reading" ? p.done / (p.done + READING_HALF) : p.total ? Math.min(1, p.done / p.total) : 0;
  return { done: Math.round((from + (to - from) * share) * PROGRESS_SCALE), total: PROGRESS_SCALE, message: describe(p) };
}

function describe(p: CorpusProgress): string {
  switch (p.phase) {
    case "benchmarks":
      return "loading benchmarks";
    case "reading":
      return `reading: ${p.done} files${p.message ? ` (${p.message})` : ""}`;
    case "decontaminating":
      return `decontaminating ${p.total ?? p.done} snippets`;
    case "deduplicating":
      return `deduplicating: ${p.done}/${p.total ?? "?"} snippets`;
    case "writing":
      return `writing ${p.total ?? p.done} snippets`;
    case "done":
      return p.message ?? "done";
  }
}

/**
 * Passes on at most one update per interval, plus every phase change (events are database
 * writes; a 100k-file corpus must not become 100k events).
 */
export function throttleProgress(send: (p: CorpusProgress) => void, intervalMs = 250, now: () => number = Date.now): (p: CorpusProgress) => void {
  let last = -Infinity;
  let phase: CorpusPhase | null = null;
  return (p) => {
    const t = now();
    if (p.phase === phase && t - last < intervalMs) return;
    last = t;
    phase = p.phase;
    send(p);
  };
}
