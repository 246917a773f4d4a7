"use client";
import { useState } from "react";
import { CALL_OUTCOMES } from "@/lib/domain/call-outcomes";

/** The slice of a call record this panel shows (the API sends the whole record). */
interface Call {
  seq: number;
  step: string;
  kind: string;
  attempt: number;
  outcome: string;
  status?: number;
  mode?: string;
  maxOutputTokens?: number;
  durationMs: number;
  error?: string;
  text?: string;
}

const PAGE = 20;

/** A run's model calls with each answer exactly as the model sent it, filtered by outcome. */
export function ModelCalls({ runId }: { runId: string }) {
  const [outcome, setOutcome] = useState("");
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(after?: number) {
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams({ limit: String(PAGE), outcome, ...(after !== undefined ? { after: String(after) } : {}) });
      const res = await fetch(`/api/runs/${runId}/calls?${q}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      const page = body.calls as Call[];
      setCalls((prev) => (after !== undefined && prev ? [...prev, ...page] : page));
      setMore(page.length === PAGE);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-label="Model calls" data-testid="model-calls">
      <h2>Model calls</h2>
      <div className="row">
        <label>
          Outcome{" "}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)} aria-label="Call outcome">
            <option value="">any</option>
            {CALL_OUTCOMES.map((o) => (
              <option key={o} value={o}>{o}</option>
            ))}
          </select>
        </label>
        <button onClick={() => load()} disabled={busy}>Show calls</button>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {calls && calls.length === 0 ? <p className="muted">No calls{outcome ? ` with outcome ${outcome}` : ""}.</p> : null}
      {calls?.map((c) => (
        <details key={c.seq} data-testid="model-call" data-outcome={c.outcome}>
          <summary>
            <code>{c.step}</code> · {c.kind} · attempt {c.attempt} · <strong>{c.outcome}</strong>
            {c.status ? ` ${c.status}` : ""}
            {c.mode ? ` · ${c.mode}` : ""}
            {c.maxOutputTokens ? ` · max ${c.maxOutputTokens} tokens` : ""} · {c.durationMs} ms
          </summary>
          {c.error ? <p className="warn">{c.error}</p> : null}
          {c.text !== undefined ? <pre className="log" data-testid="model-call-text">{c.text}</pre> : <p className="muted">No answer (the request failed).</p>}
        </details>
      ))}
      {more && calls ? <button className="secondary" onClick={() => load(calls.at(-1)!.seq)} disabled={busy}>More</button> : null}
    </section>
  );
}
