"use client";
import { useState, type FormEvent } from "react";
import { languageName } from "@/lib/domain/language-names";

export interface BrowseFilter { agent: string; language: string; minScore: string }
export const NO_FILTER: BrowseFilter = { agent: "", language: "", minScore: "" };

/** The query string of a browse request (lib/pipeline/run/run-browse.ts): empty fields are left out. */
export function browseParams(f: BrowseFilter, page: number, pageSize: number): string {
  const q = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const k of ["agent", "language", "minScore"] as const) if (f[k].trim()) q.set(k, f[k].trim());
  return q.toString();
}

/** Search by agent id, language and minimum score; applied with "Search" (or Enter), not per keystroke. */
export function BrowseFilters({ label, languages, scoreHint, onApply }: { label: string; languages: string[]; scoreHint: string; onApply: (f: BrowseFilter) => void }) {
  const [f, setF] = useState<BrowseFilter>(NO_FILTER);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = f.minScore.trim();
    if (s && !(Number(s) >= 0 && Number(s) <= 10)) return setError("Minimum score: a number from 0 to 10.");
    setError(null);
    onApply(f);
  };
  return (
    <form className="row" onSubmit={submit} aria-label={`Search ${label}`} style={{ marginBottom: 8 }}>
      <label>Agent <input value={f.agent} onChange={(e) => setF({ ...f, agent: e.target.value })} placeholder="part of an agent id" aria-label={`${label}: agent`} /></label>
      <label>
        Language{" "}
        <select value={f.language} onChange={(e) => setF({ ...f, language: e.target.value })} aria-label={`${label}: language`}>
          <option value="">any</option>
          {languages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
        </select>
      </label>
      <label title={scoreHint}>Min score <input value={f.minScore} onChange={(e) => setF({ ...f, minScore: e.target.value })} inputMode="decimal" size={4} aria-label={`${label}: minimum score`} /></label>
      <button type="submit">Search</button>
      {error ? <span className="error" role="alert">{error}</span> : null}
    </form>
  );
}

/** "41–60 of 300" with Previous / Next. */
export function Pager({ page, pageSize, total, onPage, testId }: { page: number; pageSize: number; total: number; onPage: (p: number) => void; testId: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <div className="row" data-testid={testId} style={{ margin: "6px 0" }}>
      <button className="secondary" onClick={() => onPage(page - 1)} disabled={page <= 1}>Previous</button>
      <span className="muted" data-testid={`${testId}-range`}>{from}–{Math.min(page * pageSize, total)} of {total.toLocaleString("en-US")} · page {page} of {pages}</span>
      <button className="secondary" onClick={() => onPage(page + 1)} disabled={page >= pages}>Next</button>
    </div>
  );
}
