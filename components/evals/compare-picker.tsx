"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Chooses which evaluations to compare, the baseline, and whether to show the paper's rows; state lives in the URL. */
export function ComparePicker({ evaluations, selected, baseline, paper }: { evaluations: { id: string; label: string }[]; selected: string[]; baseline: string | null; paper: boolean }) {
  const router = useRouter();
  const [ids, setIds] = useState(selected);
  const [base, setBase] = useState(baseline ?? selected[0] ?? "");
  const [withPaper, setWithPaper] = useState(paper);
  const apply = () => {
    const q = new URLSearchParams({ ids: ids.join(","), ...(base && ids.includes(base) ? { baseline: base } : {}), ...(withPaper ? { paper: "1" } : {}) });
    router.push(`/compare?${q}`);
  };
  return (
    <div className="panel">
      <table>
        <thead><tr><th>Compare</th><th>Baseline</th><th>Evaluation</th></tr></thead>
        <tbody>
          {evaluations.map((e) => (
            <tr key={e.id}>
              <td><input type="checkbox" aria-label={`compare ${e.label}`} checked={ids.includes(e.id)} onChange={() => setIds(ids.includes(e.id) ? ids.filter((x) => x !== e.id) : [...ids, e.id])} /></td>
              <td><input type="radio" name="baseline" aria-label={`baseline ${e.label}`} checked={base === e.id} onChange={() => setBase(e.id)} /></td>
              <td>{e.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 10 }}>
        <label style={{ display: "flex", gap: 6, alignItems: "center" }}><input type="checkbox" checked={withPaper} onChange={() => setWithPaper(!withPaper)} />Show the paper&apos;s Table 1 as reference rows</label>
        <button onClick={apply} disabled={ids.length === 0}>Compare</button>
      </div>
    </div>
  );
}
