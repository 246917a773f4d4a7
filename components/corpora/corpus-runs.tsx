import Link from "next/link";
import type { CorpusRunRow } from "@/lib/corpora/queries";
import { fmtInt, fmtTime } from "@/components/ui/format";

/** The generation runs that started from this corpus, with a way to start one. */
export function CorpusRuns({ runs }: { runs: CorpusRunRow[] }) {
  if (runs.length === 0) {
    return <p className="muted" data-testid="corpus-runs">No generation run uses this corpus yet. <Link href="/runs/new">Start a run</Link> and pick it as the source.</p>;
  }
  return (
    <div className="table-wrap">
      <table data-testid="corpus-runs">
        <thead><tr><th>Run</th><th>Status</th><th className="num">Samples</th><th>Started</th></tr></thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td><Link href={`/runs/${r.id}`}>{r.name}</Link></td>
              <td><span className={`badge ${r.status}`}>{r.status}</span></td>
              <td className="num">{fmtInt(r.samples)}</td>
              <td className="muted">{fmtTime(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
