"use client";
import { useState } from "react";

/** Cancel (the trainer checkpoints first) and resume (from the last checkpoint, or from the start when none was saved). */
export function JobActions({ jobId, status, onChange, hasCheckpoint }: { jobId: string; status: string; onChange: (status: string) => void; hasCheckpoint: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function post(action: "cancel" | "resume") {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/training/${jobId}/${action}`, { method: "POST" });
    const body = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(body?.error?.message ?? `HTTP ${res.status}`);
    onChange(body.job.status);
  }
  const active = ["queued", "starting", "running"].includes(status);
  const resumable = ["failed", "cancelled", "stopped"].includes(status);
  return (
    <span className="row" style={{ gap: 8 }}>
      {active ? <button className="danger" disabled={busy} onClick={() => post("cancel")}>Cancel</button> : null}
      {resumable ? <button disabled={busy} onClick={() => post("resume")}>{hasCheckpoint ? "Resume from last checkpoint" : "Retry from the start"}</button> : null}
      {error ? <span className="error" role="alert">{error}</span> : null}
    </span>
  );
}
