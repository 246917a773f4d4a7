"use client";
import { useState } from "react";

const ACTIVE = ["queued", "running", "pausing"];

/** Pause / resume / cancel, offered by the run's status; the status itself arrives on the event stream. */
export function RunControls({ runId, status, stalled }: { runId: string; status: string; stalled?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function act(action: "pause" | "resume" | "cancel") {
    if (action === "cancel" && !window.confirm("Cancel this run? Samples made so far are kept.")) return;
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/runs/${runId}/${action}`, { method: "POST" });
    const json = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) setError(json?.error?.message ?? `HTTP ${res.status}`);
  }
  const canPause = ACTIVE.includes(status) && status !== "pausing";
  const canResume = status === "paused" || !!stalled;
  const canCancel = [...ACTIVE, "paused"].includes(status);
  return (
    <div className="row">
      {canPause ? <button type="button" className="secondary" disabled={busy} onClick={() => act("pause")}>Pause</button> : null}
      {canResume ? <button type="button" disabled={busy} onClick={() => act("resume")}>Resume</button> : null}
      {canCancel ? <button type="button" className="danger" disabled={busy} onClick={() => act("cancel")}>Cancel run</button> : null}
      {error ? <span className="error" role="alert">{error}</span> : null}
    </div>
  );
}
