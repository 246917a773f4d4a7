import { MULTIPLE_LANGUAGES, prepareDataSizeCurve, type DataSizePoint } from "@/lib/domain/eval-charts";
import { DataSizeChart } from "./data-size-chart";

const LABEL: Record<string, string> = { py: "Python", java: "Java", cpp: "C++", cs: "C#", ts: "TypeScript", js: "JavaScript", php: "PHP", sh: "Bash", avg: "Average" };

/** The paper's Figure 5 from the compared evaluations that record their models' training-data size. */
export function DataSizeSection({ points }: { points: DataSizePoint[] }) {
  const curve = prepareDataSizeCurve(points);
  const keys = [...MULTIPLE_LANGUAGES, "avg"].filter((k) => curve.some((p) => p.values[k as keyof typeof p.values] !== undefined));
  return (
    <div className="panel" data-testid="data-size">
      <h2 style={{ marginTop: 0 }}>Data size (the paper&apos;s Figure 5)</h2>
      <DataSizeChart data={curve.map((p) => ({ size: p.size, ...p.values }))} series={keys.map((k) => ({ key: k, label: LABEL[k] }))} />
      <table data-testid="data-size-table">
        <thead><tr><th>Training samples</th>{keys.map((k) => <th key={k}>{LABEL[k]}</th>)}</tr></thead>
        <tbody>{curve.map((p) => <tr key={p.size}><td>{p.size}</td>{keys.map((k) => <td key={k}>{p.values[k as keyof typeof p.values] ?? "—"}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}
