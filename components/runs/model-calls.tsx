"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson, queryKeys } from "@/components/query/api";
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
  // the outcome shown: chosen with "Show calls", so changing the select alone fetches nothing
  const [shown, setShown] = useState<string | null>(null);
  const query = useInfiniteQuery({
    queryKey: queryKeys.runCalls(runId, shown ?? ""),
    enabled: shown !== null,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: String(PAGE), outcome: shown ?? "", ...(pageParam !== undefined ? { after: String(pageParam) } : {}) });
      return apiJson<{ calls: Call[] }>(`/api/runs/${runId}/calls?${q}`, { signal }).then((b) => b.calls);
    },
    getNextPageParam: (page) => (page.length === PAGE ? page.at(-1)!.seq : undefined),
  });
  const calls = query.data?.pages.flat() ?? null;
  const busy = query.isFetching;
  const error = query.error ? query.error.message : null;
  const show = () => (shown === outcome ? void query.refetch() : setShown(outcome));

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
        <button onClick={show} disabled={busy}>Show calls</button>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {calls && calls.length === 0 ? <p className="muted">No calls{shown ? ` with outcome ${shown}` : ""}.</p> : null}
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
      {query.hasNextPage ? <button className="secondary" onClick={() => query.fetchNextPage()} disabled={busy}>More</button> : null}
    </section>
  );
}
