"use client";
import { useState } from "react";

export interface EndpointView {
  id: string; name: string; provider: string; baseUrl: string | null; model: string; maxConcurrency: number;
  hasApiKey: boolean; apiKeyPreview: string | null;
}

const EMPTY = { name: "", provider: "openai-compatible", baseUrl: "", model: "", apiKey: "", maxConcurrency: 8 };

/** Model endpoints. Keys go to the server and come back only as a masked preview. */
export function EndpointsEditor({ initial }: { initial: EndpointView[] }) {
  const [rows, setRows] = useState(initial);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: k === "maxConcurrency" ? Number(e.target.value) : e.target.value });

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const res = await fetch("/api/settings/endpoints", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...form, apiKey: form.apiKey || undefined }) });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) return setError(body?.error?.message ?? `HTTP ${res.status}`);
    setRows([...rows.filter((r) => r.name !== body.endpoint.name), body.endpoint].sort((a, b) => a.name.localeCompare(b.name)));
    setForm(EMPTY);
  }
  async function remove(id: string) {
    const res = await fetch(`/api/settings/endpoints/${id}`, { method: "DELETE" });
    if (res.ok) setRows(rows.filter((r) => r.id !== id));
  }
  return (
    <>
      <form className="panel form-grid" onSubmit={save} aria-label="Model endpoint">
        <label>Name<input aria-label="Name" required value={form.name} onChange={set("name")} placeholder="local-vllm" /></label>
        <label>Provider
          <select aria-label="Provider" value={form.provider} onChange={set("provider")}>
            <option value="openai-compatible">OpenAI-compatible (vLLM, SGLang, Ollama, LM Studio)</option>
            <option value="openai">OpenAI</option>
            <option value="anthropic">Anthropic</option>
            <option value="scripted">Demo model (scripted, offline)</option>
          </select>
        </label>
        <label>Base URL<input aria-label="Base URL" value={form.baseUrl} onChange={set("baseUrl")} placeholder="http://127.0.0.1:8000/v1" /></label>
        <label>Model<input aria-label="Model" required value={form.model} onChange={set("model")} placeholder="Qwen/Qwen2.5-Coder-7B-Instruct" /></label>
        <label>API key<input aria-label="API key" type="password" autoComplete="off" value={form.apiKey} onChange={set("apiKey")} placeholder="kept on the server" /></label>
        <label>Max concurrency<input aria-label="Max concurrency" type="number" min={1} max={1024} value={form.maxConcurrency} onChange={set("maxConcurrency")} /></label>
        <button type="submit">Save endpoint</button>
        {error ? <span className="error" role="alert">{error}</span> : null}
      </form>
      {rows.length === 0 ? (
        <div className="empty">No model endpoints configured.</div>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Provider</th><th>Model</th><th>Base URL</th><th>Key</th><th>Concurrency</th><th /></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td><td>{r.provider}</td><td>{r.model}</td><td>{r.baseUrl ?? "—"}</td>
                <td data-testid={`key-${r.name}`}>{r.apiKeyPreview ?? "none"}</td><td>{r.maxConcurrency}</td>
                <td><button className="danger" onClick={() => remove(r.id)}>Delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
