"use client";
import { useEffect, useRef, useState } from "react";
import type { RunStreamEvent } from "@/lib/domain/run-view";

/**
 * Follows a run's event stream and folds the given event types into state. `after`: the seq
 * the initial state already includes (a server-side snapshot), so the stream starts after it
 * instead of replaying the run from its start. EventSource resends Last-Event-ID by itself
 * after a dropped connection; the fold skips events already seen. Closes on the final `end`.
 */
export function useRunEvents<S>(runId: string, types: string[], initial: () => S, apply: (s: S, e: RunStreamEvent) => S, after = 0): { state: S; connected: boolean } {
  const [state, setState] = useState(initial);
  const [connected, setConnected] = useState(false);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  const key = types.join(",");

  useEffect(() => {
    const es = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events${after > 0 ? `?lastEventId=${after}` : ""}`);
    let queue: RunStreamEvent[] = [];
    let frame: ReturnType<typeof setTimeout> | null = null;
    // a backfill brings thousands of events at once: fold them in batches, not one render each
    const flush = () => {
      frame = null;
      const batch = queue;
      queue = [];
      setState((s) => batch.reduce((acc, e) => applyRef.current(acc, e), s));
    };
    const onEvent = (raw: MessageEvent) => {
      const e = JSON.parse(raw.data) as RunStreamEvent;
      queue.push(e);
      frame ??= setTimeout(flush, 50);
      if (e.type === "end") es.close();
    };
    for (const t of [...key.split(","), "end"]) es.addEventListener(t, onEvent);
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    return () => {
      es.close();
      if (frame) clearTimeout(frame);
    };
  }, [runId, key, after]);

  return { state, connected };
}
