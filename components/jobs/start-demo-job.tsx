"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Queues the demo job and opens its live page: a quick check that the worker and events work. */
export function StartDemoJob({ steps = 20, delayMs = 150 }: { steps?: number; delayMs?: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start() {
    setBusy(true);
    setError(null);
    const res = await fetch("/api/jobs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "demo.progress", payload: { steps, delayMs } }) });
    const body = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(body?.error?.message ?? `HTTP ${res.status}`);
    router.push(`/jobs/${body.job.id}`);
  }
  return (
    <div className="row">
      <button onClick={start} disabled={busy}>{busy ? "Starting…" : "Start demo job"}</button>
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}
