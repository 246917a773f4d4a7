"use client";

export interface OtherJob {
  id: string;
  name: string;
  status: string;
  createdAt: string;
}

/** Past jobs whose loss curves can be drawn on this job's loss chart. */
export function OverlayPicker({ jobs, selected, onChange }: { jobs: OtherJob[]; selected: string[]; onChange: (ids: string[]) => void }) {
  if (jobs.length === 0) return null;
  return (
    <details className="panel" data-testid="overlay-picker">
      <summary>Compare with past jobs ({selected.length} shown)</summary>
      <div className="row" style={{ flexWrap: "wrap", gap: 12, marginTop: 8 }}>
        {jobs.map((j) => (
          <label key={j.id} style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
            <input
              type="checkbox"
              aria-label={`Overlay ${j.name}`}
              checked={selected.includes(j.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, j.id] : selected.filter((id) => id !== j.id))}
            />
            {j.name} <span className="muted">({j.status}, {j.createdAt.slice(0, 16).replace("T", " ")})</span>
          </label>
        ))}
      </div>
    </details>
  );
}
