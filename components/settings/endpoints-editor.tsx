"use client";
import { useMutation } from "@tanstack/react-query";
import { apiJson } from "@/components/query/api";
import { useState } from "react";
import type { ProbeResult } from "@/lib/llm/probe/probe-result";
import { ProbeSummary } from "./probe-summary";

export interface EndpointView {
  id: string; name: string; provider: string; baseUrl: string | null; model: string; maxConcurrency: number;
  hasApiKey: boolean; apiKeyPreview: string | null; priceInPerMTok?: number | null; priceOutPerMTok?: number | null;
  structuredOutput: string; contextLength: number | null; modelPath: string | null; threads?: number | null; probe: ProbeResult | null; probedAt: string | null;
}

const EMPTY = { name: "", provider: "openai-compatible", baseUrl: "", model: "", apiKey: "", maxConcurrency: "8", priceIn: "", priceOut: "", structuredOutput: "auto", contextLength: "", modelPath: "", threads: "" };
type Form = typeof EMPTY;
const PROVIDERS: Record<string, string> = {
  "openai-compatible": "OpenAI-compatible (vLLM, SGLang, Ollama, LM Studio)",
  openai: "OpenAI",
  anthropic: "Anthropic",
  local: "Local model file (GGUF, runs in-process)",
  scripted: "Demo model (scripted, offline)",
};
const MODES: Record<string, string> = {
  auto: "auto (as tested; falls back when refused)",
  json_schema: "json_schema",
  json_object: "json_object",
  none: "none (schema stated in the prompt)",
};
/** "auto → json_object" when a test found the mode the client will use */
const modeLabel = (r: EndpointView) => (r.structuredOutput === "auto" && r.probe?.ok && r.probe.structuredOutput ? `auto → ${r.probe.structuredOutput}` : r.structuredOutput);
const price = (s: string) => (s.trim() === "" ? undefined : Number(s));
const usd = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `$${n}`);

/** Model endpoints. Keys go to the server and come back only as a masked preview. */
export function EndpointsEditor({ initial, localModels = [] }: { initial: EndpointView[]; /** GGUF files found in the data dir, suggested for a local endpoint */ localModels?: string[] }) {
  const [rows, setRows] = useState(initial);
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<EndpointView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const set = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const local = form.provider === "local";
  const remote = form.provider !== "scripted" && !local;
  const upsert = (list: EndpointView[], row: EndpointView) => [...list.filter((r) => r.name !== row.name), row].sort((a, b) => a.name.localeCompare(b.name));

  const probe = useMutation({
    mutationFn: (r: EndpointView) => apiJson<{ endpoint: EndpointView }>(`/api/settings/endpoints/${r.id}/test`, { method: "POST" }),
    onMutate: (r) => {
      setShown(r.name);
      setError(null);
    },
    onSuccess: ({ endpoint }) => setRows((list) => upsert(list, endpoint)),
    onError: (e, r) => setError(`Could not test ${r.name}: ${e.message}`),
  });
  const testing = probe.isPending ? probe.variables.id : null;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const body = {
      name: form.name, provider: form.provider, baseUrl: remote ? form.baseUrl.trim() : "",
      // a local model is named after its file unless given a name
      model: form.model.trim() || (local ? (form.modelPath.trim().split("/").pop() ?? "").replace(/\.gguf$/i, "") : ""),
      modelPath: local ? form.modelPath.trim() : "", threads: local && form.threads.trim() ? Number(form.threads) : undefined,
      apiKey: remote && form.apiKey ? form.apiKey : undefined, maxConcurrency: Number(form.maxConcurrency),
      priceInPerMTok: price(form.priceIn), priceOutPerMTok: price(form.priceOut),
      structuredOutput: form.structuredOutput, contextLength: price(form.contextLength),
    };
    const res = await fetch("/api/settings/endpoints", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(json?.error?.message ?? `HTTP ${res.status}`);
    const next = upsert(rows, json.endpoint);
    setRows(next);
    setForm(EMPTY);
    setEditing(null);
    probe.mutate(json.endpoint); // a saved endpoint is tested at once: a dead one is said now
  }
  function edit(r: EndpointView) {
    setEditing(r);
    setError(null);
    setForm({ name: r.name, provider: r.provider, baseUrl: r.baseUrl ?? "", model: r.model, apiKey: "", maxConcurrency: String(r.maxConcurrency), priceIn: r.priceInPerMTok?.toString() ?? "", priceOut: r.priceOutPerMTok?.toString() ?? "", structuredOutput: r.structuredOutput, contextLength: r.contextLength?.toString() ?? "", modelPath: r.modelPath ?? "", threads: r.threads?.toString() ?? "" });
  }
  async function remove(r: EndpointView) {
    if (!window.confirm(`Delete the model endpoint "${r.name}"? Runs and evaluations that name it will not start until it is added again.`)) return;
    const res = await fetch(`/api/settings/endpoints/${r.id}`, { method: "DELETE" });
    if (!res.ok) return setError((await res.json().catch(() => ({})))?.error?.message ?? `Could not delete ${r.name} (HTTP ${res.status}).`);
    setRows(rows.filter((x) => x.id !== r.id));
  }
  return (
    <>
      <form className="panel form-grid" onSubmit={save} aria-label="Model endpoint">
        <label>Name<input aria-label="Name" required value={form.name} onChange={set("name")} placeholder="local-vllm" readOnly={Boolean(editing)} pattern="[\w.\- ]+" title="letters, digits, space, . _ - only" /></label>
        <label>Provider
          <select aria-label="Provider" value={form.provider} onChange={set("provider")}>
            {Object.entries(PROVIDERS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        {remote ? (
          <label>Base URL{form.provider === "openai-compatible" ? "" : " (optional)"}<input aria-label="Base URL" type="url" required={form.provider === "openai-compatible"} value={form.baseUrl} onChange={set("baseUrl")} placeholder={form.provider === "openai-compatible" ? "http://127.0.0.1:8000/v1" : "the provider's default"} /></label>
        ) : null}
        {local ? (
          <>
            <label>Model file (.gguf, on the server)<input aria-label="Model file" required list="local-models" value={form.modelPath} onChange={set("modelPath")} placeholder="data/models/qwen2.5-coder-7b-instruct-q4_k_m.gguf" /></label>
            <datalist id="local-models">{localModels.map((p) => <option key={p} value={p} />)}</datalist>
            <label>Threads (optional)<input aria-label="Threads" type="number" min={1} max={256} value={form.threads} onChange={set("threads")} placeholder="the cores free when a run starts" /></label>
          </>
        ) : null}
        <label>Model<input aria-label="Model" required={!local} value={form.model} onChange={set("model")} placeholder={local ? "the file's name" : remote ? "Qwen/Qwen2.5-Coder-7B-Instruct" : "xinstruct-demo"} /></label>
        {remote ? (
          <label>API key<input aria-label="API key" type="password" autoComplete="off" value={form.apiKey} onChange={set("apiKey")} placeholder={editing?.hasApiKey ? `keep ${editing.apiKeyPreview}` : "kept on the server"} /></label>
        ) : null}
        <label>Max concurrent requests<input aria-label="Max concurrency" type="number" min={1} max={1024} required value={form.maxConcurrency} onChange={set("maxConcurrency")} /></label>
        <label>Input price (USD per 1M tokens)<input aria-label="Input price" type="number" min={0} step="any" value={form.priceIn} onChange={set("priceIn")} placeholder="optional, for cost estimates" /></label>
        <label>Output price (USD per 1M tokens)<input aria-label="Output price" type="number" min={0} step="any" value={form.priceOut} onChange={set("priceOut")} placeholder="optional" /></label>
        <label>Structured output
          <select aria-label="Structured output" value={form.structuredOutput} onChange={set("structuredOutput")}>
            {Object.entries(MODES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <label>Context length (tokens)<input aria-label="Context length" type="number" min={1} value={form.contextLength} onChange={set("contextLength")} placeholder="blank = as the test finds it" /></label>
        <div className="row">
          <button type="submit" disabled={busy}>{editing ? "Save changes" : "Save endpoint"}</button>
          {editing ? <button type="button" className="secondary" onClick={() => { setEditing(null); setForm(EMPTY); }}>Cancel</button> : null}
        </div>
        {error ? <span className="error" role="alert" style={{ gridColumn: "1 / -1" }}>{error}</span> : null}
      </form>
      {rows.length === 0 ? (
        <div className="empty">No model endpoints configured. Add one above, or use the offline demo model (provider “Demo model”) to try the pipeline.</div>
      ) : (
        <div className="table-wrap">
          <table data-testid="endpoints">
            <thead><tr><th>Name</th><th>Provider</th><th>Model</th><th>Base URL or file</th><th>Key</th><th className="num">Concurrency</th><th className="num">Price in / out per 1M tokens</th><th>Connection · JSON mode</th><th /></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td><td>{PROVIDERS[r.provider]?.split(" (")[0] ?? r.provider}</td><td style={{ overflowWrap: "anywhere" }}><code>{r.model}</code></td>
                  <td style={{ overflowWrap: "anywhere" }}>{r.provider === "local" ? r.modelPath : (r.baseUrl ?? "—")}{r.threads ? ` · ${r.threads} threads` : ""}</td>
                  <td data-testid={`key-${r.name}`} style={{ whiteSpace: "nowrap" }}>{r.apiKeyPreview ?? "none"}</td><td className="num">{r.maxConcurrency}</td>
                  <td className="num" style={{ whiteSpace: "nowrap" }}>{usd(r.priceInPerMTok)} / {usd(r.priceOutPerMTok)}</td>
                  <td>
                    <span data-testid={`last-test-${r.name}`}>
                      {r.probe ? <button type="button" className="secondary" style={{ padding: "0 4px" }} onClick={() => setShown(shown === r.name ? null : r.name)} aria-label={`Show the test of ${r.name}`}><span className={`badge ${r.probe.ok ? "ok" : "failed"}`}>{r.probe.ok ? "connected" : "failed"}</span></button> : <span className="muted">not tested</span>}
                    </span>
                    <div className="muted" data-testid={`mode-${r.name}`}>{modeLabel(r)}</div>
                  </td>
                  <td style={{ display: "flex", flexWrap: "wrap", gap: 4 }}>
                    <button type="button" onClick={() => probe.mutate(r)} disabled={testing !== null} aria-label={`Test connection of ${r.name}`}>{testing === r.id ? "Testing…" : "Test connection"}</button>
                    <button type="button" className="secondary" onClick={() => edit(r)} aria-label={`Edit ${r.name}`}>Edit</button>
                    <button type="button" className="danger" onClick={() => remove(r)} aria-label={`Delete ${r.name}`}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(() => {
        const r = rows.find((x) => x.name === shown);
        return r?.probe && testing === null ? <ProbeSummary name={r.name} probe={r.probe} probedAt={r.probedAt} /> : testing ? <p className="muted" role="status">Testing the connection…</p> : null;
      })()}
    </>
  );
}
