import Link from "next/link";
import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { ComparePicker } from "@/components/evals/compare-picker";
import { PassRateBars } from "@/components/evals/pass-rate-bars";
import { toRunScores } from "@/lib/evals/app/run-scores";
import { EVAL_COLUMNS, prepareCompare, prepareGroupAverages, prepareTable1 } from "@/lib/domain/eval-charts";
import { languageName, PAPER_LANGUAGES } from "@/lib/domain/language-names";
import { BiasSection } from "./bias-section";
import { DataSizeSection } from "./data-size-section";
import { PAPER_TABLE1, PAPER_TABLE1_SOURCE } from "@/lib/evals/reference/paper-table1";

export const dynamic = "force-dynamic";

const HEAD: Record<string, string> = { humaneval: "HE", "humaneval+": "HE+", mbpp: "MBPP", "mbpp+": "MBPP+", py: "Python", java: "Java", cpp: "C++", cs: "C#", ts: "TS", js: "JS", php: "PHP", sh: "Bash", avg: "Avg." };
/** The paper's Table 1 columns (its average is over its eight languages); other languages follow when measured. */
const TABLE1_COLUMNS = ["humaneval", "humaneval+", "mbpp", "mbpp+", ...PAPER_LANGUAGES, "avg"] as const;

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ ids?: string; baseline?: string; paper?: string; bias?: string; biasRun?: string }> }) {
  const sp = await searchParams;
  const finished = await db().evaluation.findMany({ where: { status: "succeeded", reference: false }, orderBy: { createdAt: "desc" }, take: 200 });
  if (finished.length === 0) {
    return (<><h1>Compare</h1><EmptyState title="Nothing to compare yet">Finished evaluations can be compared here side by side, per language, with deltas against a baseline and the paper&apos;s Table 1 as reference.</EmptyState></>);
  }
  const selectedIds = (sp.ids?.split(",").filter(Boolean) ?? finished.slice(0, 2).map((e) => e.id)).filter((id) => finished.some((e) => e.id === id));
  const runs = selectedIds.map((id) => toRunScores(finished.find((e) => e.id === id)!));
  const baseline = sp.baseline && selectedIds.includes(sp.baseline) ? sp.baseline : selectedIds[0];
  const compare = runs.length ? prepareCompare(runs, baseline) : [];
  const references = sp.paper ? PAPER_TABLE1.map((r) => ({ label: `${r.model}${r.size ? ` ${r.size}` : ""} (paper)`, source: `${PAPER_TABLE1_SOURCE.table}, arXiv:${PAPER_TABLE1_SOURCE.arxiv}`, cells: r.scores })) : [];
  const table = prepareTable1(runs, references);
  const groups = prepareGroupAverages(runs);
  const extraColumns = EVAL_COLUMNS.filter((c) => !(TABLE1_COLUMNS as readonly string[]).includes(c) && table.some((row) => row.cells[c] !== null));
  const table1Columns = [...TABLE1_COLUMNS, ...extraColumns];
  const sized = selectedIds.map((id) => finished.find((e) => e.id === id)!).filter((e) => typeof (e.config as { trainingSamples?: number }).trainingSamples === "number");
  const sizePoints = sized.map((e) => ({ size: (e.config as { trainingSamples: number }).trainingSamples, run: toRunScores(e) }));
  const label = (id: string) => runs.find((r) => r.id === id)!.label;
  return (
    <>
      <h1>Compare</h1>
      <ComparePicker evaluations={finished.map((e) => ({ id: e.id, label: `${e.name} (${e.model})` }))} selected={selectedIds} baseline={baseline} paper={Boolean(sp.paper)} />
      {compare.length > 0 ? (
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>pass@1 per language</h2>
          <PassRateBars data={compare.map((c) => ({ label: c.label, ...c.values }))} series={runs.map((r) => ({ key: r.id, label: r.label }))} />
          <table data-testid="compare-table">
            <thead><tr><th>Benchmark</th>{runs.map((r) => <th key={r.id}>{r.label}{r.id === baseline ? " (baseline)" : ""}</th>)}</tr></thead>
            <tbody>
              {compare.map((c) => (
                <tr key={c.column}>
                  <td>{c.label}</td>
                  {runs.map((r) => (
                    <td key={r.id}>
                      {c.values[r.id] ?? "—"}
                      {c.deltas[r.id] !== undefined ? <span className={c.deltas[r.id] >= 0 ? "delta-up" : "delta-down"} style={{ marginLeft: 6, color: c.deltas[r.id] >= 0 ? "var(--ok)" : "var(--bad)" }}>{c.deltas[r.id] >= 0 ? "+" : ""}{c.deltas[r.id]}</span> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {groups.length > 0 ? (
            <table data-testid="resource-groups">
              <thead><tr><th>Language group</th>{runs.map((r) => <th key={r.id}>{r.label}</th>)}</tr></thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.group}>
                    <td>{g.label}</td>
                    {runs.map((r) => <td key={r.id}>{g.values[r.id] !== undefined ? <>{g.values[r.id]} <span className="muted">({g.counts[r.id]} lang.)</span></> : "—"}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <div className="panel" style={{ overflowX: "auto" }}>
        <h2 style={{ marginTop: 0 }}>Table 1 layout</h2>
        <table data-testid="table1">
          <thead><tr><th>Model</th>{table1Columns.map((c) => <th key={c}>{HEAD[c] ?? languageName(c)}</th>)}</tr></thead>
          <tbody>
            {table.map((row, i) => (
              <tr key={i} className={row.reference ? "muted" : undefined} title={row.reference}>
                <td>{row.label}</td>
                {table1Columns.map((c) => <td key={c}>{row.cells[c as keyof typeof row.cells] ?? "—"}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
        {sp.paper ? <p className="muted">Reference rows: {PAPER_TABLE1_SOURCE.title}, {PAPER_TABLE1_SOURCE.table} ({PAPER_TABLE1_SOURCE.metric}), <a href={PAPER_TABLE1_SOURCE.url}>arXiv:{PAPER_TABLE1_SOURCE.arxiv}</a>, as printed.</p> : null}
      </div>
      {sizePoints.length >= 2 ? <DataSizeSection points={sizePoints} /> : <p className="muted">A data-size curve appears when two or more compared evaluations record how many training samples their models saw (an ablation&apos;s size variants do).</p>}
      {runs.length ? <BiasSection runs={runs} evaluationId={sp.bias && selectedIds.includes(sp.bias) ? sp.bias : baseline} runId={sp.biasRun} /> : null}
      <p className="muted"><Link href="/evaluations">← Evaluations</Link> · comparing {selectedIds.map(label).join(", ")}</p>
    </>
  );
}
