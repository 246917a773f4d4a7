import type { IngestReport } from "@/lib/pipeline/ingest/types";
import { prepareSkippedReasons } from "@/lib/corpora/chart-data";
import { fmtInt } from "@/components/ui/format";

const SHOWN = 200;
const at = (r: { path: string; startLine: number; endLine: number }) => `${r.path}:${r.startLine}–${r.endLine}`;
const more = (shown: number, total: number) => (total > shown ? <p className="muted">Showing the first {fmtInt(shown)} of {fmtInt(total)}.</p> : null);

/** Skipped files: counts by reason, then each file with its message. */
export function SkippedFiles({ files }: { files: IngestReport["files"] }) {
  const reasons = prepareSkippedReasons(files.skippedByReason);
  if (reasons.length === 0) return <p className="muted">No file was skipped.</p>;
  const list = files.skippedFiles.slice(0, SHOWN);
  return (
    <>
      <table data-testid="skipped-reasons">
        <thead><tr><th>Reason</th><th className="num">Files</th></tr></thead>
        <tbody>{reasons.map((r) => <tr key={r.reason}><td>{r.label}</td><td className="num">{fmtInt(r.count)}</td></tr>)}</tbody>
      </table>
      <details style={{ marginTop: 8 }}>
        <summary>Each skipped file ({fmtInt(files.skipped)})</summary>
        <div className="table-wrap tall">
          <table>
            <thead><tr><th>Path</th><th>Why</th></tr></thead>
            <tbody>{list.map((f, i) => <tr key={i}><td><code>{f.path}</code></td><td>{f.message}</td></tr>)}</tbody>
          </table>
        </div>
        {more(list.length, files.skipped)}
      </details>
    </>
  );
}

export function DuplicatesTable({ report }: { report: IngestReport }) {
  const total = report.snippets.exactDuplicates + report.snippets.nearDuplicates;
  if (total === 0) return <p className="muted">No duplicates were found.</p>;
  const list = report.duplicates.slice(0, SHOWN);
  return (
    <>
      <div className="table-wrap tall">
      <table data-testid="duplicates">
        <thead><tr><th>Dropped snippet</th><th>Kind</th><th className="num">Jaccard</th><th>Duplicate of</th><th>Start</th></tr></thead>
        <tbody>
          {list.map((d, i) => (
            <tr key={i}>
              <td><code>{at(d)}</code></td>
              <td>{d.kind}</td>
              <td className="num">{d.similarity.toFixed(2)}</td>
              <td><code>{at(d.duplicateOf)}</code></td>
              <td><code>{d.preview}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {more(list.length, total)}
    </>
  );
}

export function ContaminationTable({ report }: { report: IngestReport }) {
  if (report.settings.benchmarks.length === 0) return <p className="muted">No benchmark was selected for decontamination.</p>;
  if (report.snippets.contaminated === 0) return <p className="muted">No snippet matches {report.settings.benchmarks.join(", ")}.</p>;
  const list = report.contamination.slice(0, SHOWN);
  return (
    <>
      <div className="table-wrap tall">
      <table data-testid="contamination">
        <thead><tr><th>Excluded snippet</th><th>Benchmark item</th><th>Match</th><th>Evidence</th></tr></thead>
        <tbody>
          {list.map((c, i) => (
            <tr key={i}>
              <td><code>{at(c)}</code></td>
              <td>{c.benchmark} <code>{c.itemId}</code></td>
              <td>{c.kind.replace(/_/g, " ")}</td>
              <td><code>{c.evidence.slice(0, 160)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {more(list.length, report.snippets.contaminated)}
    </>
  );
}
