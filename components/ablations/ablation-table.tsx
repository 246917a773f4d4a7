import type { AblationTableRow, EvalColumn } from "@/lib/domain/eval-charts";

const HEAD: Record<string, string> = { humaneval: "HE", "humaneval+": "HE+", mbpp: "MBPP", "mbpp+": "MBPP+", py: "Python", java: "Java", cpp: "C++", cs: "C#", ts: "TS", js: "JS", php: "PHP", sh: "Bash", avg: "Avg." };

/** The paper's Table 2 for this ablation: pass@1 per language and the average, deltas against the full data. */
export function AblationTable({ columns, rows }: { columns: EvalColumn[]; rows: AblationTableRow[] }) {
  const cols = [...columns, "avg"] as (EvalColumn | "avg")[];
  return (
    <table data-testid="ablation-table">
      <thead><tr><th>Variant</th>{cols.map((c) => <th key={c}>{HEAD[c]}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-variant={r.key}>
            <td>{r.label}</td>
            {cols.map((c) => {
              const v = r.cells[c];
              const d = r.deltas[c];
              return (
                <td key={c}>
                  {v == null ? "—" : v.toFixed(1)}
                  {d !== undefined ? <span style={{ marginLeft: 6, color: d >= 0 ? "var(--ok)" : "var(--bad)" }}>{d >= 0 ? "+" : ""}{d.toFixed(1)}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
