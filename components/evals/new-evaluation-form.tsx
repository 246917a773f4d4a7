"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { languageName, MANUAL_LANGUAGES, MULTIPLE_LANGUAGES, PAPER_LANGUAGES } from "@/lib/domain/language-names";
import type { EndpointChoice } from "@/lib/evals/app/endpoint-choices";
import { EndpointPicker, firstUsable } from "./endpoint-picker";

const LANGS = MULTIPLE_LANGUAGES;
const BENCHES = [
  ["multipl-e", "MultiPL-E (HumanEval in up to 19 languages)"],
  ["humaneval", "HumanEval"],
  ["mbpp", "MBPP (sanitized)"],
  ["humaneval+", "HumanEval+ (EvalPlus)"],
  ["mbpp+", "MBPP+ (EvalPlus)"],
] as const;

export function NewEvaluationForm({ endpoints }: { endpoints: EndpointChoice[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [endpointName, setEndpointName] = useState(firstUsable(endpoints));
  const [benches, setBenches] = useState<string[]>(["multipl-e"]);
  const [langs, setLangs] = useState<string[]>([...PAPER_LANGUAGES]);
  const toggle = (list: string[], set: (v: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const num = (k: string) => (f.get(k) ? Number(f.get(k)) : undefined);
    const source = String(f.get("source") ?? "");
    const body = {
      name: f.get("name"),
      model: f.get("model"),
      ...(endpointName ? { endpointName } : { endpointUrl: f.get("endpointUrl") }),
      mode: f.get("mode"),
      suites: benches.map((benchmark) => ({ benchmark, source, limit: num("limit"), ...(benchmark === "multipl-e" ? { languages: langs } : {}) })),
      n: num("n"),
      temperature: num("temperature"),
      maxTokens: num("maxTokens"),
      concurrency: num("concurrency"),
    };
    setBusy(true);
    setError(null);
    const res = await fetch("/api/evaluations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(json?.error?.message ?? `HTTP ${res.status}`);
    router.push(`/evaluations/${json.evaluation.id}`);
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="New evaluation">
      <div className="form-grid">
        <label>Name<input name="name" aria-label="Name" required defaultValue="eval" /></label>
        <EndpointPicker choices={endpoints} endpointName={endpointName} onEndpoint={setEndpointName} />
        <label>Model<input key={endpointName} name="model" aria-label="Model" required placeholder="served model name" defaultValue={endpoints.find((c) => c.name === endpointName)?.model ?? ""} /></label>
        <label>Benchmark data (folder or URL)<input name="source" aria-label="Benchmark data" required placeholder="/data/benchmarks" /></label>
        <label>Samples per problem (n)<input name="n" aria-label="n" type="number" min={1} max={1000} defaultValue={1} /></label>
        <label>Temperature<input name="temperature" aria-label="Temperature" type="number" step="0.05" min={0} max={2} defaultValue={0} /></label>
        <label>Max tokens<input name="maxTokens" aria-label="Max tokens" type="number" min={1} defaultValue={1024} /></label>
        <label>Concurrency<input name="concurrency" aria-label="Concurrency" type="number" min={1} defaultValue={16} /></label>
        <label>Problems per language (blank = all)<input name="limit" aria-label="Limit" type="number" min={1} /></label>
      </div>
      <fieldset style={{ border: 0, padding: 0, marginTop: 12 }}>
        <legend className="muted">Benchmarks</legend>
        <div className="row">
          {BENCHES.map(([id, label]) => (
            <label key={id} style={{ display: "flex", gap: 4, alignItems: "center" }}>
              <input type="checkbox" checked={benches.includes(id)} onChange={() => toggle(benches, setBenches, id)} />{label}
            </label>
          ))}
        </div>
      </fieldset>
      {benches.includes("multipl-e") ? (
        <fieldset style={{ border: 0, padding: 0, marginTop: 8 }}>
          <legend className="muted">MultiPL-E languages</legend>
          <div className="row">
            {LANGS.map((l) => (
              <label key={l} style={{ display: "flex", gap: 4, alignItems: "center" }}>
                <input type="checkbox" aria-label={`language ${l}`} checked={langs.includes(l)} onChange={() => toggle(langs, setLangs, l)} />
                <span title={languageName(l)}>{l}</span>
                {(MANUAL_LANGUAGES as readonly string[]).includes(l) ? <span className="muted">(install by hand)</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="row" style={{ marginTop: 12 }}>
        <button type="submit" disabled={busy}>{busy ? "Starting…" : "Start evaluation"}</button>
        {error ? <span className="error" role="status">{error}</span> : null}
      </div>
    </form>
  );
}
