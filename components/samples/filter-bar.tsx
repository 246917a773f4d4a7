"use client";
import { useEffect, useState } from "react";
import { CURATIONS, PARTS, VERDICTS, type FilterField } from "@/lib/samples/sample-filter";

export interface FilterValues {
  runId?: string;
  language?: string;
  part?: string;
  curation?: string;
  verdict?: string;
  minScore?: string;
  maxScore?: string;
  q?: string;
  sort?: string;
}

interface Props {
  values: FilterValues;
  /** what is wrong with a field's value, shown beside it */
  errors?: Partial<Record<FilterField, string>>;
  runs: { id: string; name: string }[];
  languages: string[];
  onChange: (v: FilterValues) => void;
}

/** Filters of the samples table; every change becomes the page's query string. */
export function FilterBar({ values, errors = {}, runs, languages, onChange }: Props) {
  const [q, setQ] = useState(values.q ?? "");
  const [minScore, setMin] = useState(values.minScore ?? "");
  const [maxScore, setMax] = useState(values.maxScore ?? "");
  const set = (k: keyof FilterValues) => (e: { target: { value: string } }) => onChange({ ...values, [k]: e.target.value || undefined });
  // Typing waits for a pause before it reloads the table.
  useEffect(() => {
    if (q === (values.q ?? "") && minScore === (values.minScore ?? "") && maxScore === (values.maxScore ?? "")) return;
    const t = setTimeout(() => onChange({ ...values, q: q || undefined, minScore: minScore || undefined, maxScore: maxScore || undefined }), 350);
    return () => clearTimeout(t);
  }, [q, minScore, maxScore]); // eslint-disable-line react-hooks/exhaustive-deps

  const problem = (k: FilterField) => (errors[k] ? <span className="error field-error" role="alert" data-testid={`filter-error-${k}`}>{errors[k]}</span> : null);
  const select = (k: FilterField, label: string, options: readonly string[], names?: Record<string, string>) => {
    const v = values[k as keyof FilterValues] ?? "";
    return (
      <label>
        {label}
        <select value={v} onChange={set(k as keyof FilterValues)} aria-label={label} aria-invalid={Boolean(errors[k])}>
          <option value="">any</option>
          {/* a value from the address bar that is not an option is still shown, with its error */}
          {v && !options.includes(v) ? <option value={v}>{v}</option> : null}
          {options.map((o) => <option key={o} value={o}>{names?.[o] ?? o}</option>)}
        </select>
        {problem(k)}
      </label>
    );
  };
  return (
    <div className="filter-bar" role="search">
      {select("runId", "Run", runs.map((r) => r.id), Object.fromEntries(runs.map((r) => [r.id, r.name])))}
      {select("language", "Language", languages)}
      {select("part", "Part", PARTS, { ds1: "Ds1", ds2: "Ds2", ds3: "Ds3", ds4: "Ds4" })}
      {select("verdict", "Verdict", VERDICTS, { failed: "tests fail (any)", none: "not run", no_tests: "no tests", vacuous: "vacuous tests (assert nothing)", stub_unavailable: "passed, stub check unavailable" })}
      {select("curation", "Curation", CURATIONS)}
      <label>Min score<input type="number" step="0.5" value={minScore} onChange={(e) => setMin(e.target.value)} aria-label="Min score" aria-invalid={Boolean(errors.minScore)} />{problem("minScore")}</label>
      <label>Max score<input type="number" step="0.5" value={maxScore} onChange={(e) => setMax(e.target.value)} aria-label="Max score" aria-invalid={Boolean(errors.maxScore)} />{problem("maxScore")}</label>
      <label className="grow">Search<input type="search" value={q} placeholder="text in instruction or solution" onChange={(e) => setQ(e.target.value)} aria-label="Search" aria-invalid={Boolean(errors.q)} />{problem("q")}</label>
      <label>
        Sort
        <select value={values.sort ?? "new"} onChange={set("sort")} aria-label="Sort">
          <option value="new">newest</option>
          <option value="score">score</option>
        </select>
      </label>
    </div>
  );
}
