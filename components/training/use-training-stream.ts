"use client";
import { useEffect, useState } from "react";
import { mergePoints, type MetricPointLike } from "@/lib/training/chart-data";
import { applyNote, NOTE_EVENTS, type JobNotes } from "@/lib/training/job-notes";

export interface Checkpoint { step: number; path: string; final: boolean }
export interface StreamState {
  status: string;
  error: string | null;
  points: MetricPointLike[];
  log: string[];
  checkpoints: Checkpoint[];
  notes: JobNotes;
  connected: boolean;
}

interface StreamEvent { seq: number; type: string; data: Record<string, unknown> }

/**
 * Follows `training:<id>` over SSE: metric points, log lines, checkpoints and status changes as
 * they happen. The page's server render gives the state up to event `afterSeq` (read before the
 * data, so nothing falls between); the stream continues from there. EventSource resumes itself
 * after a dropped connection with Last-Event-ID.
 */
export function useTrainingStream(jobId: string, afterSeq: number, initial: Omit<StreamState, "connected">): [StreamState, (status: string) => void] {
  const [s, setS] = useState<StreamState>({ ...initial, connected: false });
  useEffect(() => {
    const es = new EventSource(`/api/training/${jobId}/events?lastEventId=${afterSeq}`);
    const on = (raw: MessageEvent) => {
      const e = JSON.parse(raw.data) as StreamEvent;
      setS((p) => {
        if ((NOTE_EVENTS as readonly string[]).includes(e.type)) p = { ...p, notes: applyNote(p.notes, e.type, e.data) };
        switch (e.type) {
          case "metrics":
            return { ...p, points: mergePoints(p.points, e.data.points as MetricPointLike[]) };
          case "log":
            return { ...p, log: [...p.log, ...(e.data.lines as string[])].slice(-400) };
          case "status":
            return { ...p, status: String(e.data.status), error: (e.data.error as string | null) ?? (e.data.status === "failed" ? p.error : null) };
          case "checkpoint":
          case "final": {
            const cp = { step: Number(e.data.step), path: String(e.data.path), final: e.type === "final" };
            return p.checkpoints.some((c) => c.step === cp.step && c.final === cp.final) ? p : { ...p, checkpoints: [...p.checkpoints, cp] };
          }
          default:
            return p;
        }
      });
    };
    for (const t of new Set(["metrics", "log", "status", "checkpoint", ...NOTE_EVENTS])) es.addEventListener(t, on);
    es.onopen = () => setS((p) => ({ ...p, connected: true }));
    es.onerror = () => setS((p) => ({ ...p, connected: false }));
    return () => es.close();
  }, [jobId, afterSeq]);
  return [s, (status) => setS((p) => ({ ...p, status }))];
}
