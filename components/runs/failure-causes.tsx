import { rankCauses, type FailureCauses } from "@/lib/domain/failure-causes";

/**
 * Failed steps and model calls counted by cause, most steps first: what went wrong with a run
 * or a stage, in words, with one message the server gave.
 */
export function FailureCausesTable({ title, causes, testId }: { title: string; causes: FailureCauses | null | undefined; testId: string }) {
  const ranked = rankCauses(causes);
  if (!ranked.length) return null;
  return (
    <section className="panel" aria-label={title} data-testid={testId}>
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      <table>
        <thead><tr><th>Cause</th><th>Failed steps</th><th>Failed calls</th><th>Example</th></tr></thead>
        <tbody>
          {ranked.map((c) => (
            <tr key={c.cause} data-cause={c.cause}>
              <td>{c.label}</td>
              <td>{c.steps}</td>
              <td>{c.calls}</td>
              <td className="muted" style={{ maxWidth: 480, overflowWrap: "anywhere" }}>{c.example ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
