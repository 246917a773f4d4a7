"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

interface LangProgress { benchmark: string; language: string; total: number; generated: number; executed: number; passed: number }

/** Per-language progress of a running evaluation, from its job's event stream; refreshes the page when it ends. */
export function EvaluationLive({ jobId, initial }: { jobId: string; initial: LangProgress[] }) {
  const router = useRouter();
  const [langs, setLangs] = useState<LangProgress[]>(initial);
  const [status, setStatus] = useState<string>("running");
  useEffect(() => {
    const es = new EventSource(`/api/jobs/${jobId}/events`);
    es.addEventListener("progress", (m) => {
      const e = JSON.parse((m as MessageEvent).data);
      if (Array.isArray(e.data?.languages)) setLangs(e.data.languages);
    });
    es.addEventListener("end", (m) => {
      setStatus(JSON.parse((m as MessageEvent).data).data.status);
      es.close();
      router.refresh();
    });
    return () => es.close();
  }, [jobId, router]);
  return (
    <div className="panel" data-testid="evaluation-progress">
      <div className="muted" style={{ marginBottom: 8 }}>Status: <span className={`badge ${status}`}>{status}</span></div>
      {langs.length === 0 ? <p className="muted">Loading benchmarks…</p> : null}
      {langs.map((l) => {
        const pct = l.total ? Math.round((100 * l.executed) / l.total) : 0;
        return (
          <div key={`${l.benchmark}/${l.language}`} style={{ display: "grid", gridTemplateColumns: "150px 1fr 190px", gap: 10, alignItems: "center", marginBottom: 6 }}>
            <code>{l.benchmark === "multipl-e" ? l.language : l.benchmark}</code>
            <div className="progress" role="progressbar" aria-label={`${l.benchmark} ${l.language}`} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}><div style={{ width: `${pct}%` }} /></div>
            <span className="muted">{l.executed}/{l.total} run · {l.passed} passed</span>
          </div>
        );
      })}
    </div>
  );
}
