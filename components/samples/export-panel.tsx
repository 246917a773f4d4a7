"use client";
import { useState } from "react";
import { api } from "./api";
import type { FilterValues } from "./filter-bar";

const FORMATS = [
  ["sft", "SFT JSONL (chat messages)"],
  ["alpaca", "Alpaca JSONL"],
  ["parquet", "Parquet (chat messages)"],
  ["dpo", "DPO pairs JSONL (TRL)"],
  ["llamafactory", "LLaMA-Factory (SFT + DPO + dataset_info.json)"],
] as const;

type Result = Awaited<ReturnType<typeof api.export>>;

/** Exports the samples matching the current filters (accepted and edited ones unless a curation filter is set). */
export function ExportPanel({ values, blocked }: { values: FilterValues; blocked?: string | null }) {
  const [format, setFormat] = useState("sft");
  const [fence, setFence] = useState(true);
  const [includeFailing, setIncludeFailing] = useState(false);
  const [dedup, setDedup] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const filter = Object.fromEntries(Object.entries(values).filter(([k, x]) => x && k !== "sort"));
      setResult(await api.export({ format, filter, fence, includeFailing, dedup }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel" aria-label="Export">
      <h2>Export</h2>
      <p className="muted">The samples matching the filters above{values.curation ? "" : ", accepted or edited"}{includeFailing ? "" : ", except those whose own tests fail"}, as a Hugging Face dataset folder with a dataset card. {dedup ? "Exact and near-duplicate samples (instruction or code ≥ 0.7 MinHash similarity) are dropped, then decontamination runs." : "Decontamination runs first; duplicates are kept."}</p>
      <div className="row">
        <label>Format<select value={format} onChange={(e) => setFormat(e.target.value)} aria-label="Format">{FORMATS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select></label>
        <label className="inline"><input type="checkbox" checked={fence} onChange={(e) => setFence(e.target.checked)} /> code in Markdown fences</label>
        <label className="inline"><input type="checkbox" checked={includeFailing} onChange={(e) => setIncludeFailing(e.target.checked)} /> include samples whose tests fail</label>
        <label className="inline"><input type="checkbox" checked={dedup} onChange={(e) => setDedup(e.target.checked)} /> drop duplicates</label>
        <button onClick={run} disabled={busy || Boolean(blocked)} title={blocked ?? undefined}>{busy ? "Exporting…" : "Export"}</button>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {result ? (
        <div data-testid="export-result">
          <p>
            {result.sft.total} samples, {result.dpo.total} DPO pairs.{" "}
            {result.failingTests.count ? <span data-testid="export-failing">{result.failingTests.count} failing their own tests {result.failingTests.included ? "included" : "excluded"}. </span> : null}
            <span data-testid="export-dedup">Duplicates: {result.dedup.enabled ? `${result.dedup.removed} of ${result.dedup.checked} removed (${result.dedup.byKind.exact} exact, ${result.dedup.byKind["near-instruction"]} near instruction, ${result.dedup.byKind["near-code"]} near code)` : "kept (dedup off)"}. </span>
            Decontamination:{" "}
            {result.decontamination.configured ? `${result.decontamination.removed} of ${result.decontamination.checked} removed` : "not configured"}.
          </p>
          <ul>
            {result.files.map((f) => (
              <li key={f.path}><a href={f.url} download>{f.path}</a> <span className="muted">{f.rows ? `${f.rows} rows · ` : ""}{f.bytes.toLocaleString("en")} bytes</span></li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
