"use client";
import { useEffect, useState } from "react";
import { CancelJobButton } from "@/components/jobs/cancel-job-button";

interface StreamEvent { seq: number; type: string; data: Record<string, unknown>; at: string }
interface State { attempt: number | null; done: number; total: number; message: string | null; status: string; error: string | null; log: StreamEvent[]; connected: boolean }

/**
 * Follows a job's events over SSE. EventSource resumes from Last-Event-ID by itself after
 * a dropped connection; we close it on the final `end` event.
 */
export function JobProgress({ jobId, initialStatus }: { jobId: string; initialStatus: string }) {
  const [s, setS] = useState<State>({ attempt: null, done: 0, total: 0, message: null, status: initialStatus, error: null, log: [], connected: false });

  useEffect(() => {
    const es = new EventSource(`/api/jobs/${jobId}/events`);
    const onEvent = (raw: MessageEvent) => {
      const e = JSON.parse(raw.data) as StreamEvent;
      setS((prev) => {
        const next = { ...prev, log: [...prev.log.slice(-199), e] };
        if (e.type === "progress") Object.assign(next, { done: Number(e.data.done), total: Number(e.data.total), message: (e.data.message as string) ?? null });
        if (e.type === "started") Object.assign(next, { status: "running", attempt: Number(e.data.attempt) });
        if (e.type === "retry") Object.assign(next, { status: "queued", error: String(e.data.error) });
        if (e.type === "end") Object.assign(next, { status: String(e.data.status), error: (e.data.error as string) ?? null });
        return next;
      });
      if (e.type === "end") es.close();
    };
    for (const t of ["queued", "started", "progress", "retry", "lease_expired", "end"]) es.addEventListener(t, onEvent);
    es.onopen = () => setS((p) => ({ ...p, connected: true }));
    es.onerror = () => setS((p) => ({ ...p, connected: false }));
    return () => es.close();
  }, [jobId]);

  const pct = s.total ? Math.round((100 * s.done) / s.total) : s.status === "succeeded" ? 100 : 0;
  const cls = s.status === "succeeded" ? "progress done" : s.status === "failed" || s.status === "cancelled" ? "progress failed" : "progress";
  return (
    <div className="panel">
      <div className="row" style={{ justifyContent: "space-between", marginBottom: 8 }}>
        <span>
          Status: <span className={`badge ${s.status}`} data-testid="job-status">{s.status}</span>
        </span>
        {s.attempt ? <span className="muted">attempt {s.attempt}</span> : null}
        {["queued", "running"].includes(s.status) ? <CancelJobButton jobId={jobId} /> : null}
        <span className="muted" data-testid="job-progress-text">
          {s.done}/{s.total || "?"} ({pct}%) {s.message ? `· ${s.message}` : ""}
        </span>
      </div>
      <div className={cls} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="job-progress">
        <div style={{ width: `${pct}%` }} />
      </div>
      {s.error ? <p className="error">{s.error}</p> : null}
      <h2>Events</h2>
      <pre className="log" data-testid="job-events">
        {s.log.map((e) => `#${e.seq} ${e.type} ${JSON.stringify(e.data)}`).join("\n") || "waiting for events…"}
      </pre>
    </div>
  );
}
