"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

interface Progress { done: number; total: number; message: string | null; status: string; error: string | null }

/**
 * Follows the import job over SSE (EventSource resumes from Last-Event-ID after a dropped
 * connection) and reloads the page's data when it ends. A corpus imported by the CLI has no
 * job: the page is then refreshed every few seconds instead.
 */
export function IngestProgress({ jobId, status }: { jobId: string | null; status: string }) {
  const router = useRouter();
  const [p, setP] = useState<Progress>({ done: 0, total: 0, message: null, status, error: null });

  useEffect(() => {
    if (!jobId) {
      const t = setInterval(() => router.refresh(), 3000);
      return () => clearInterval(t);
    }
    const es = new EventSource(`/api/jobs/${jobId}/events`);
    const on = (raw: MessageEvent) => {
      const e = JSON.parse(raw.data) as { type: string; data: Record<string, unknown> };
      if (e.type === "progress") setP((x) => ({ ...x, status: "ingesting", done: Number(e.data.done), total: Number(e.data.total), message: (e.data.message as string) ?? null }));
      if (e.type === "started") setP((x) => ({ ...x, status: "ingesting" }));
      if (e.type === "retry") setP((x) => ({ ...x, error: `retrying: ${String(e.data.error)}` }));
      if (e.type === "end") {
        es.close();
        setP((x) => ({ ...x, status: String(e.data.status), done: e.data.status === "succeeded" ? x.total || 1 : x.done, total: x.total || 1 }));
        router.refresh();
      }
    };
    for (const t of ["queued", "started", "progress", "retry", "end"]) es.addEventListener(t, on);
    return () => es.close();
  }, [jobId, router]);

  const pct = p.total ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <div className="panel" aria-live="polite">
      <div className="row" style={{ justifyContent: "space-between", marginBottom: 8 }}>
        <span>Import: <span className={`badge ${p.status === "ingesting" ? "running" : p.status}`} data-testid="ingest-status">{p.status}</span></span>
        <span className="muted" data-testid="ingest-progress-text">{pct}% {p.message ? `· ${p.message}` : ""}</span>
      </div>
      <div className={`progress ${p.status === "succeeded" ? "done" : p.status === "failed" ? "failed" : ""}`} role="progressbar" aria-label="Import" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="ingest-progress">
        <div style={{ width: `${pct}%` }} />
      </div>
      {p.error ? <p className="error">{p.error}</p> : null}
    </div>
  );
}
