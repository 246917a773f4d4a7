"use client";
import { useCallback } from "react";
import { languageName } from "@/lib/domain/language-names";
import { agentMemoryFromSnapshot, applyAgentEvent, memoryTable, type AgentSnapshot } from "@/lib/domain/run-view";
import { useRunEvents } from "./use-run-events";

const TYPES = ["sample.created", "agent.created", "memory.inserted", "memory.evicted", "memory.rejected", "discussion.message"];

export interface AgentProfile { runtimeId: string; language: string; profile: string; operations: { id: string; description: string }[]; capacity: number }

/**
 * One agent: profile, operations, its memory queue by score (live, with evictions) and its
 * reflections over time. Opens from the server's snapshot of this agent (no replay of the run's
 * history) and follows the stream from the snapshot's last event.
 */
export function AgentInspector({ runId, agent, snapshot }: { runId: string; agent: AgentProfile; snapshot: AgentSnapshot }) {
  const init = useCallback(() => agentMemoryFromSnapshot(snapshot), [snapshot]);
  const { state, connected } = useRunEvents(runId, TYPES, init, applyAgentEvent, snapshot.lastSeq);
  const table = memoryTable(state);
  const capacity = table.capacity ?? agent.capacity;
  const pct = capacity ? Math.round((100 * table.used) / capacity) : 0;

  return (
    <>
      <section className="panel">
        <h2>Profile <span className="badge">{languageName(agent.language)}</span> <span className="muted" style={{ fontSize: 12 }}>{connected ? "live" : ""}</span></h2>
        <pre className="log" style={{ whiteSpace: "pre-wrap" }} data-testid="agent-profile">{agent.profile}</pre>
        <h3>Operations</h3>
        <ul data-testid="agent-operations">{agent.operations.map((o) => <li key={o.id}><b>{o.id}</b>: {o.description}</li>)}</ul>
      </section>

      <section className="panel">
        <h2>Memory queue</h2>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <span data-testid="memory-used">{table.used} / {capacity} used</span>
          <span className="muted">{state.evictions.length} evicted · {state.rejected} rejected (too similar or too low)</span>
        </div>
        <div className="progress" role="progressbar" aria-label="memory used" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}><div style={{ width: `${pct}%` }} /></div>
        <table data-testid="memory-table" style={{ marginTop: 8 }}>
          <thead><tr><th>#</th><th>Sample</th><th>Score</th><th>Nearest neighbour when inserted (similarity)</th><th>Inserted at event</th></tr></thead>
          <tbody>
            {table.live.map((r, i) => (
              <tr key={r.sampleId} data-testid="memory-row">
                <td>{i + 1}</td>
                <td><code>{r.sampleId}</code><div className="muted" style={{ fontSize: 12 }}>{r.instruction ?? ""}</div></td>
                <td data-testid="memory-score">{r.score.toFixed(2)}</td>
                <td>{r.nearest ? <><code>{r.nearest.id}</code> ({r.nearest.similarity.toFixed(3)})</> : <span className="muted">— (first entry)</span>}</td>
                <td>#{r.insertedSeq}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Evictions</h3>
        {state.evictions.length === 0 ? <p className="muted">None yet: the queue evicts its lowest-scored entry when a better sample arrives and it is full.</p> : (
          <ul data-testid="evictions">{state.evictions.map((ev) => <li key={ev.seq}>#{ev.seq}: <code>{ev.sampleId}</code> (score {ev.score.toFixed(2)}) evicted by <code>{ev.evictedBy}</code></li>)}</ul>
        )}
      </section>

      <section className="panel">
        <h2>Reflections over time</h2>
        {state.reflections.length === 0 ? <p className="muted">No reflection yet: one follows every discussion the agent takes part in.</p> : (
          <ol data-testid="reflections">
            {state.reflections.map((r) => (
              <li key={r.seq}>
                <span className="muted" suppressHydrationWarning>{r.at ? new Date(r.at).toLocaleTimeString() : `#${r.seq}`} · discussion {r.discussionId}</span>
                <div>Merits: {r.merits.join("; ") || "—"}</div>
                <div>Faults: {r.faults.join("; ") || "—"}</div>
                {r.advice ? <div>Advice: {r.advice}</div> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
