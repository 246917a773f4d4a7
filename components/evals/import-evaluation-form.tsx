"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

const FORMATS = [
  ["multipl-e", "MultiPL-E (*.results.json[.gz] or completions *.json[.gz], one per problem)"],
  ["bigcode", "bigcode-evaluation-harness (evaluation_results.json, generations_<task>.json)"],
] as const;

/**
 * Uploads result files of another harness (or names a folder on the server) and stores them as
 * an evaluation. Files whose programs must still run go to a job; the evaluation page shows its
 * progress per language.
 */
export function ImportEvaluationForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [format, setFormat] = useState<string>("multipl-e");

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const files = form.getAll("files").filter((f) => f instanceof File && f.size > 0);
    if (files.length === 0 && !String(form.get("path") ?? "").trim()) return setError("Choose result files, or give a file or folder on the server.");
    setBusy(true);
    setError(null);
    const res = await fetch("/api/evaluations/import", { method: "POST", body: form }).catch(() => null);
    const json = await res?.json().catch(() => ({}));
    setBusy(false);
    if (!res?.ok) return setError(json?.error?.message ?? (res ? `HTTP ${res.status}` : "The server could not be reached."));
    router.push(`/evaluations/${json.evaluation.id}`);
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Import results">
      <div className="form-grid">
        <label>Format
          <select name="format" aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value)}>
            {FORMATS.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
          </select>
        </label>
        <label>Model<input name="model" aria-label="Model" placeholder={format === "bigcode" ? "from the results file if blank" : "model the results belong to"} required={format !== "bigcode"} /></label>
        <label>Name<input name="name" aria-label="Name" placeholder="(model name if blank)" /></label>
        <label>Result files<input name="files" aria-label="Result files" type="file" multiple accept=".json,.gz,application/json,application/gzip" /></label>
        <label>…or a file or folder on the server<input name="path" aria-label="Server path" placeholder="/data/multipl-e/humaneval-py-mymodel-0.2-reworded" /></label>
      </div>
      {format === "bigcode" ? (
        <div className="form-grid" style={{ marginTop: 12 }}>
          <label>Benchmark data (folder or URL)<input name="dataSource" aria-label="Benchmark data" placeholder="needed to run generations_<task>.json files" /></label>
          <label>Task of the generations<input name="benchmark" aria-label="Task" placeholder="when the file name does not say, e.g. multiple-java" /></label>
        </div>
      ) : null}
      <p className="muted" style={{ marginBottom: 0 }}>
        Verdicts in the files are kept as they are; generations without verdicts run in the sandbox first.
      </p>
      <div className="row" style={{ marginTop: 12 }}>
        <button type="submit" disabled={busy}>{busy ? "Importing…" : "Import"}</button>
        {error ? <span className="error" role="alert" data-testid="import-error">{error}</span> : null}
      </div>
    </form>
  );
}
