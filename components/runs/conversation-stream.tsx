"use client";
import Link from "next/link";
import type { Conversation, ConversationMessage } from "@/lib/domain/run-view";
import { languageName } from "@/lib/domain/language-names";

const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));
const list = (v: unknown) => (Array.isArray(v) ? v.map(str) : []);

export function Message({ m, runId }: { m: ConversationMessage; runId: string }) {
  const agent = (id: unknown) => (typeof id === "string" && id ? <Link href={`/runs/${runId}/agents/${encodeURIComponent(id)}`}>{id}</Link> : <b>main agent</b>);
  switch (m.kind) {
    case "contribution":
      return <div data-kind="contribution">{agent(m.agentId)} <span className="badge">{languageName(str(m.language))}</span> brings: {str(m.instruction)}</div>;
    case "critique":
      return <div data-kind="critique">{agent(m.agentId)} <span className="badge">{languageName(str(m.language))}</span> critique (round {str(m.round)}): {str(m.critique)} <i>Proposal:</i> {str(m.proposal)}</div>;
    case "synthesis":
      return (
        <div data-kind="synthesis">
          <b>Synthesis</b> → <span className="badge">{languageName(str(m.targetLanguage))}</span> {list(m.operations).length ? <span className="muted">({list(m.operations).join(", ")})</span> : null}
          <div>{str(m.instruction)}</div>
          <details><summary>solution and tests</summary><pre className="log">{str(m.solution)}{"\n\n"}{str(m.tests)}</pre></details>
        </div>
      );
    case "score":
      return (
        <div data-kind="score">
          <span className={`badge ${m.passed ? "ok" : "failed"}`}>score {Number(m.mean).toFixed(2)}/{str(m.scale)}</span> {str(m.justification)}
        </div>
      );
    case "reflection":
      return <div data-kind="reflection" className="muted">Reflection: merits {list(m.merits).join("; ") || "—"}; faults {list(m.faults).join("; ") || "—"}. {str(m.advice)}</div>;
    case "failure":
      return <div data-kind="failure" className="error">{str(m.step)}: {str(m.message)}</div>;
    default:
      return <div>{m.kind}</div>;
  }
}

/** The discussions as conversations, newest first. */
export function ConversationStream({ conversations, runId }: { conversations: Conversation[]; runId: string }) {
  if (conversations.length === 0) return <p className="muted" data-testid="no-discussions">No discussion yet: they start after the seed stage.</p>;
  return (
    <div data-testid="conversations">
      {[...conversations].reverse().map((c) => (
        <article key={c.id} className="panel" data-testid="conversation" data-discussion={c.id}>
          <div className="muted" style={{ fontSize: 12 }}>discussion {c.id}</div>
          {c.messages.map((m) => (
            <div key={m.seq} data-testid="discussion-message" style={{ padding: "4px 0", borderBottom: "1px solid var(--border)" }}>
              <Message m={m} runId={runId} />
            </div>
          ))}
        </article>
      ))}
    </div>
  );
}
