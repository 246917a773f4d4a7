"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { parse as parseYaml } from "yaml";
import type { EndpointChoice } from "@/lib/evals/app/endpoint-choices";
import { EndpointPicker, firstUsable } from "@/components/evals/endpoint-picker";

const LANGS = ["py", "java", "cpp", "cs", "ts", "js", "php", "sh"] as const;
const PARTS = ["ds1", "ds2", "ds3", "ds4"] as const;

export interface RunChoice { id: string; name: string; mode: "centralized" | "parallel"; samples: number }

/** One click: the variants of a run, the training and the evaluation chosen once for all of them. */
export function NewAblationForm({ runs, endpoints, runId }: { runs: RunChoice[]; endpoints: EndpointChoice[]; runId?: string }) {
  const router = useRouter();
  const [run, setRun] = useState(runId && runs.some((r) => r.id === runId) ? runId : runs[0]?.id ?? "");
  const [without, setWithout] = useState<string[]>(["ds3"]);
  const [otherMode, setOtherMode] = useState(true);
  const [sizes, setSizes] = useState("0.25, 0.5, 0.75");
  const [langs, setLangs] = useState<string[]>([...LANGS]);
  const [endpointName, setEndpointName] = useState(firstUsable(endpoints));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mode = runs.find((r) => r.id === run)?.mode ?? "centralized";
  const other = mode === "parallel" ? "centralized" : "parallel";
  const toggle = (list: string[], set: (v: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const f = new FormData(e.currentTarget);
    const str = (k: string) => String(f.get(k) ?? "").trim();
    let extra: Record<string, unknown> = {};
    try {
      extra = str("trainingYaml") ? (parseYaml(str("trainingYaml")) ?? {}) : {};
    } catch (err) {
      return setError(`Training config YAML: ${(err as Error).message}`);
    }
    const variants = [...PARTS.filter((p) => without.includes(p)).map((p) => `no-${p}`), ...(otherMode ? [other] : []), ...sizes.split(",").map((s) => s.trim()).filter(Boolean).map((s) => `size:${s}`)];
    const body = {
      runId: run,
      name: str("name") || undefined,
      variants,
      seed: Number(str("seed") || 42),
      training: { ...extra, baseModel: str("baseModel"), method: str("method"), resources: { ...((extra.resources as object) ?? {}), gpusPerNode: Number(str("gpus")) } },
      evaluation: {
        ...(endpointName ? { endpointName } : { endpointUrl: str("endpointUrl") }),
        mode: str("mode"),
        modelTemplate: str("modelTemplate") || "{output}",
        suites: [{ benchmark: str("benchmark"), source: str("source"), ...(str("benchmark") === "multipl-e" ? { languages: langs } : {}), ...(str("limit") ? { limit: Number(str("limit")) } : {}) }],
      },
      sampling: { ...(str("sampleN") ? { n: Number(str("sampleN")) } : {}), ...(str("sampleTemperature") ? { temperature: Number(str("sampleTemperature")) } : {}), maxNewTokens: Number(str("sampleMaxTokens") || 1024) },
    };
    setBusy(true);
    const res = await fetch("/api/ablations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(json?.error?.message ?? `HTTP ${res.status}`);
    router.push(`/ablations/${json.ablation.id}`);
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="New ablation">
      <div className="form-grid">
        <label>Run
          <select aria-label="Run" value={run} onChange={(e) => setRun(e.target.value)} required>
            {runs.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.mode}, {r.samples} samples)</option>)}
          </select>
        </label>
        <label>Name<input name="name" aria-label="Ablation name" placeholder="Ablation of …" /></label>
        <label>Seed (size subsets)<input name="seed" aria-label="Seed" type="number" min={0} defaultValue={42} /></label>
      </div>
      <fieldset style={{ border: 0, padding: 0, marginTop: 12 }}>
        <legend className="muted">Variants (the full data is always one)</legend>
        <div className="row">
          {PARTS.map((p) => (
            <label key={p} style={{ display: "flex", gap: 4, alignItems: "center" }}>
              <input type="checkbox" aria-label={`without ${p}`} checked={without.includes(p)} onChange={() => toggle(without, setWithout, p)} />without {p.replace("ds", "Ds")}
            </label>
          ))}
          <label style={{ display: "flex", gap: 4, alignItems: "center" }} title="A new run on the same corpus with the same config but the mode; it is verified as this run was, and its Ds4 is sampled from its own SFT model with this run's DPO settings.">
            <input type="checkbox" aria-label="other discussion mode" checked={otherMode} onChange={() => setOtherMode(!otherMode)} />{other} discussion (a new run)
          </label>
          <label style={{ display: "flex", gap: 6, alignItems: "center" }}>Data sizes<input aria-label="Data sizes" value={sizes} onChange={(e) => setSizes(e.target.value)} style={{ width: 160 }} placeholder="0.25, 0.5" /></label>
        </div>
      </fieldset>
      <h3>Training (every variant)</h3>
      <div className="form-grid">
        <label>Base model<input name="baseModel" aria-label="Base model" defaultValue="Qwen/Qwen2.5-Coder-1.5B" required /></label>
        <label>Method<select name="method" aria-label="Method" defaultValue="full"><option value="full">full</option><option value="lora">LoRA</option></select></label>
        <label>GPUs per node (0 = CPU)<input name="gpus" aria-label="GPUs per node" type="number" min={0} defaultValue={1} /></label>
      </div>
      <label style={{ display: "block", marginTop: 8 }}>More training settings (YAML, as in train.yaml; optional)
        <textarea name="trainingYaml" aria-label="Training YAML" rows={3} style={{ width: "100%", fontFamily: "monospace" }} placeholder={"backend: slurm\nslurm: { partition: gpu }\ntraining: { epochs: 3 }"} />
      </label>
      <h3>Ds4 sampled from each variant&apos;s SFT model</h3>
      <p className="muted" style={{ marginTop: 0 }}>Where the run has DPO pairs, each variant that keeps Ds4 samples its own SFT model (<code>python -m trainer sample</code> where its SFT job trained: this host, the SSH host or a Slurm job), runs the answers with the queries&apos; tests and DPO-trains on its own pairs. Blank: the run&apos;s DPO stage settings.</p>
      <div className="form-grid">
        <label>Answers per query<input name="sampleN" aria-label="Sampled answers per query" type="number" min={1} max={1024} placeholder="as the run's DPO stage" /></label>
        <label>Temperature<input name="sampleTemperature" aria-label="Sampling temperature" type="number" min={0} max={2} step={0.05} placeholder="as the run's DPO stage" /></label>
        <label>Longest answer (tokens)<input name="sampleMaxTokens" aria-label="Longest sampled answer" type="number" min={1} max={32768} defaultValue={1024} /></label>
      </div>
      <h3>Evaluation (every variant)</h3>
      <div className="form-grid">
        <EndpointPicker choices={endpoints} endpointName={endpointName} onEndpoint={setEndpointName} />
        <label>Model name asked for<input name="modelTemplate" aria-label="Model template" defaultValue="{output}" title="{output}: the trained model's folder; {variant}: the variant" /></label>
        <label>Benchmark
          <select name="benchmark" aria-label="Benchmark" defaultValue="multipl-e">
            <option value="multipl-e">MultiPL-E</option><option value="humaneval">HumanEval</option><option value="mbpp">MBPP</option><option value="humaneval+">HumanEval+</option><option value="mbpp+">MBPP+</option>
          </select>
        </label>
        <label>Benchmark data (folder or URL)<input name="source" aria-label="Benchmark data" required placeholder="/data/benchmarks" /></label>
        <label>Problems per language (blank = all)<input name="limit" aria-label="Limit" type="number" min={1} /></label>
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        {LANGS.map((l) => (
          <label key={l} style={{ display: "flex", gap: 4, alignItems: "center" }}><input type="checkbox" aria-label={`language ${l}`} checked={langs.includes(l)} onChange={() => toggle(langs, setLangs, l)} />{l}</label>
        ))}
      </div>
      <div className="row" style={{ marginTop: 12 }}>
        <button type="submit" disabled={busy || !run}>{busy ? "Creating…" : "Create ablation"}</button>
        {error ? <span className="error" role="alert">{error}</span> : null}
      </div>
    </form>
  );
}
