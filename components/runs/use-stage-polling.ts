"use client";
import { useEffect, useState } from "react";
import { STAGE_EVENT_TYPES, type StageState } from "@/lib/domain/run-stages";
import { runViewFromSnapshot, type RunSnapshot } from "@/lib/domain/run-view";

export interface PolledStages {
  /** the snapshot's last event */
  seq: number;
  /** its newest verify/dpo event */
  stageSeq: number;
  stages: StageState;
}


/**
 * The verify and dpo stages of a run whose event stream has ended: the generation's `end`
 * closes the stream and these stages come after it. While `follow`, reads the run's snapshot
 * every `everyMs` for its stages, without discussion messages (a few index seeks, whatever the
 * run's length).
 */
export function useStagePolling(runId: string, follow: boolean, everyMs = 1500): PolledStages | null {
  const [polled, setPolled] = useState<PolledStages | null>(null);
  useEffect(() => {
    if (!follow) return;
    let live = true;
    const tick = async () => {
      const res = await fetch(`/api/runs/${encodeURIComponent(runId)}/snapshot?messages=0`).catch(() => null);
      if (!res?.ok) return;
      const snapshot = (await res.json()) as RunSnapshot;
      if (!live) return;
      const stageSeq = Math.max(0, ...snapshot.events.filter((e) => (STAGE_EVENT_TYPES as readonly string[]).includes(e.type)).map((e) => e.seq));
      setPolled({ seq: snapshot.lastSeq, stageSeq, stages: runViewFromSnapshot(snapshot).stages });
    };
    const timer = setInterval(() => void tick(), everyMs);
    void tick();
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [runId, follow, everyMs]);
  return polled;
}
