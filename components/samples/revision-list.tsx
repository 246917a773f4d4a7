import type { RevisionView } from "@/lib/samples/types";

/** Every saved version of a sample, oldest (the generated text) first. */
export function RevisionList({ revisions }: { revisions: RevisionView[] }) {
  if (revisions.length === 0) return <p className="muted">No edits yet.</p>;
  return (
    <ol className="revisions" data-testid="revisions">
      {revisions.map((r, i) => (
        <li key={r.id}>
          <strong>{i === 0 ? "generated" : `edit ${i}`}</strong> <span className="muted">by {r.author} · {r.createdAt.slice(0, 19).replace("T", " ")}</span>
          <details>
            <summary>{r.instruction.slice(0, 80)}</summary>
            <pre className="log">{r.solution}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
