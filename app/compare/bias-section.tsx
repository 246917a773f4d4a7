import { db } from "@/lib/db/client";
import { GROUP_LABELS, prepareLanguageBias, type RunScores } from "@/lib/domain/eval-charts";
import { linkedTrainingData, runLanguageCounts } from "@/lib/ablations/training-data";
import { BiasChart } from "./bias-chart";
import { BiasPicker } from "./bias-picker";

/**
 * Per-language bias (the paper's open question 2): each language's share of the training data
 * against the model's pass@1 in it. The data is the evaluated model's own dataset when an
 * ablation links them, or a run the user picks. High- and low-resource languages are summed up
 * apart, so a run answers whether the method helps the low-resource ones.
 */
export async function BiasSection({ runs, evaluationId, runId }: { runs: RunScores[]; evaluationId: string; runId?: string }) {
  const run = runs.find((r) => r.id === evaluationId) ?? runs[0];
  const [linked, choices] = await Promise.all([
    linkedTrainingData(db(), [run.id]),
    db().run.findMany({ orderBy: { createdAt: "desc" }, take: 100, select: { id: true, name: true } }),
  ]);
  const data = runId ? await runLanguageCounts(db(), runId) : linked.get(run.id) ?? null;
  const bias = data ? prepareLanguageBias(data.counts, run) : null;
  return (
    <div className="panel" data-testid="bias-view">
      <h2 style={{ marginTop: 0 }}>Per-language bias: data share vs pass@1</h2>
      <BiasPicker evaluations={runs.map((r) => ({ id: r.id, label: r.label }))} runs={choices} evaluationId={run.id} runId={runId ?? ""} />
      {!data ? (
        <p className="muted">This evaluation is not linked to a training dataset (evaluations made or attached in an ablation are). Choose a run above to set its pass rates against that run&apos;s data.</p>
      ) : bias!.points.length === 0 ? (
        <p className="muted">This evaluation has no MultiPL-E language scores to set against the data.</p>
      ) : (
        <>
          <p className="muted">Data: {data.source}. {bias!.correlation === null ? "Too few languages (or no spread) for a correlation." : <>Pearson correlation across languages: <strong data-testid="bias-correlation">{bias!.correlation.toFixed(2)}</strong> (near 1: the model is best where the data is most plentiful).</>}</p>
          <BiasChart points={bias!.points} />
          <table data-testid="bias-table">
            <thead><tr><th>Language</th><th>Resource</th><th>Share of training data</th><th>pass@1</th></tr></thead>
            <tbody>{bias!.points.map((p) => <tr key={p.language}><td>{p.label}</td><td>{GROUP_LABELS[p.group]}</td><td>{p.dataShare}%</td><td>{p.passRate}%</td></tr>)}</tbody>
          </table>
          <table data-testid="bias-groups">
            <thead><tr><th>Language group</th><th>Languages</th><th>Share of training data</th><th>Mean pass@1</th></tr></thead>
            <tbody>{bias!.groups.map((g) => <tr key={g.group}><td>{g.label}</td><td>{g.languages.length}</td><td>{g.dataShare}%</td><td>{g.passRate}%</td></tr>)}</tbody>
          </table>
        </>
      )}
    </div>
  );
}
