"use client";
import { useCallback, useEffect, useState } from "react";

interface Row { id: string; benchmark: string; language: string; problem: string; sampleIndex: number; status: string; passed: boolean; program: string | null; stdout: string | null; stderr: string | null; compileOutput: string | null; durationMs: number }

/** Per-problem results with the program and why it failed; filters and cursor pages come from the API. */
export function ResultsTable({ evaluationId, languages }: { evaluationId: string; languages: string[] }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [language, setLanguage] = useState("");
  const [passed, setPassed] = useState("");
  const [open, setOpen] = useState<Row | null>(null);

  const load = useCallback(async (cursor?: string) => {
    const q = new URLSearchParams({ limit: "50", ...(language ? { language } : {}), ...(passed ? { passed } : {}), ...(cursor ? { cursor } : {}) });
    const res = await fetch(`/api/evaluations/${evaluationId}/results?${q}`);
    const json = await res.json();
    setRows((prev) => (cursor ? [...prev, ...json.results] : json.results));
    setNext(json.nextCursor);
  }, [evaluationId, language, passed]);
  useEffect(() => { void load(); }, [load]);

  return (
    <>
      <div className="row" style={{ margin: "8px 0" }}>
        <select aria-label="Filter language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">all languages</option>
          {languages.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <select aria-label="Filter result" value={passed} onChange={(e) => setPassed(e.target.value)}>
          <option value="">passed and failed</option><option value="true">passed</option><option value="false">failed</option>
        </select>
      </div>
      <table data-testid="results-table">
        <thead><tr><th>Problem</th><th>Language</th><th>Sample</th><th>Verdict</th><th>Time</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} onClick={() => setOpen(r)} style={{ cursor: "pointer" }}>
              <td>{r.problem}</td><td>{r.language}</td><td>{r.sampleIndex}</td>
              <td><span className={`badge ${r.passed ? "ok" : "failed"}`}>{r.status}</span></td><td>{r.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next ? <button className="secondary" style={{ marginTop: 8 }} onClick={() => load(next)}>Load more</button> : null}
      {open ? (
        <div className="panel" style={{ marginTop: 12 }} data-testid="result-detail">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <strong>{open.problem} · {open.language} · sample {open.sampleIndex} · {open.status}</strong>
            <button className="secondary" onClick={() => setOpen(null)}>Close</button>
          </div>
          <h2>Program</h2>
          <pre className="log" style={{ maxHeight: 400 }}>{open.program}</pre>
          {open.compileOutput ? <><h2>Compiler</h2><pre className="log">{open.compileOutput}</pre></> : null}
          {open.stderr ? <><h2>stderr</h2><pre className="log">{open.stderr}</pre></> : null}
          {open.stdout ? <><h2>stdout</h2><pre className="log">{open.stdout}</pre></> : null}
        </div>
      ) : null}
    </>
  );
}
