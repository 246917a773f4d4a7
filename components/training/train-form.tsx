"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { DEFAULT_FORM, formToConfig, type TrainForm } from "@/lib/training/form";
import { checkTrainForm, type FormErrors } from "@/lib/training/form-check";
import { planLines, type PlanPreview } from "@/lib/training/plan-preview";

interface Preview { command: string; llamaFactoryYaml: string; trlYaml: string; trlCommand: string; plan: PlanPreview | null }
type Tab = "command" | "llamafactory" | "trl";

/** The launch form: the exact command (or sbatch script) is shown before launch; exports for other tools. */
export interface ExportedChoice { path: string; kind: "sft" | "dpo"; exportId: string }

export function TrainFormView({ initial, exported = [] }: { initial?: Partial<TrainForm>; exported?: ExportedChoice[] }) {
  const router = useRouter();
  const [f, setF] = useState<TrainForm>({ ...DEFAULT_FORM, ...initial });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [tab, setTab] = useState<Tab>("command");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const set = <K extends keyof TrainForm>(k: K) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    const v = e.target instanceof HTMLInputElement && e.target.type === "checkbox" ? e.target.checked : e.target.value;
    setF((p) => ({ ...p, [k]: v }));
    setPreview(null);
    setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e));
  };
  const problem = (k: keyof TrainForm) => (errors[k] ? <span className="error" id={`err-${k}`} role="alert" style={{ fontSize: 12 }}>{errors[k]}</span> : null);
  const invalid = (k: keyof TrainForm) => (errors[k] ? { "aria-invalid": true as const, "aria-describedby": `err-${k}` } : {});
  const text = (k: keyof TrainForm, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>{label}<input aria-label={label} value={String(f[k])} onChange={set(k)} {...invalid(k)} {...props} />{problem(k)}</label>
  );
  const check = (k: keyof TrainForm, label: string) => (
    <label style={{ display: "inline-flex", flexDirection: "row", alignItems: "center", gap: 6 }}><input type="checkbox" style={{ width: "auto" }} aria-label={label} checked={Boolean(f[k])} onChange={set(k)} />{label}</label>
  );

  async function call(url: string) {
    setError(null);
    const found = checkTrainForm(f);
    setErrors(found);
    if (Object.keys(found).length) {
      setError(`Fix ${Object.keys(found).length === 1 ? "the field" : `the ${Object.keys(found).length} fields`} marked below.`);
      return null;
    }
    setBusy(true);
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ config: formToConfig(f), datasetSamples: f.datasetSamples.trim() ? Number(f.datasetSamples) : undefined }) });
    const body = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) {
      setError(body?.error?.message ?? `HTTP ${res.status}`);
      return null;
    }
    return body;
  }
  async function showPreview() {
    const body = await call("/api/training/preview");
    if (body) setPreview(body);
  }
  async function launch(e: React.FormEvent) {
    e.preventDefault();
    if (!preview) return showPreview();
    const body = await call("/api/training");
    if (body) router.push(`/training/${body.job.id}`);
  }

  return (
    <form onSubmit={launch} aria-label="Training job" noValidate>
      <fieldset className="panel form-grid">
        <legend>Model and data</legend>
        {text("name", "Job name", { placeholder: "sft-qwen-1.5b" })}
        <label>Stage
          <select aria-label="Stage" value={f.kind} onChange={set("kind")}>
            <option value="sft">SFT (instruction data)</option>
            <option value="dpo">DPO (preference pairs, from an SFT checkpoint)</option>
          </select>
        </label>
        {text("baseModel", "Base model", { required: true, placeholder: "Qwen/Qwen2.5-Coder-1.5B, a local path, or tiny-test" })}
        {text("dataset", "Dataset (JSONL path)", { required: true, placeholder: f.kind === "dpo" ? "prompt / chosen / rejected per line" : '{"messages": [...]} per line' })}
        {exported.some((x) => x.kind === f.kind) ? (
          <label>
            Or a recent export
            <select aria-label="Dataset from a recent export" value={exported.some((x) => x.path === f.dataset) ? f.dataset : ""} onChange={set("dataset")}>
              <option value="">choose…</option>
              {exported.filter((x) => x.kind === f.kind).map((x) => <option key={x.path} value={x.path}>{x.exportId} · {x.path.split("/").slice(-2).join("/")}</option>)}
            </select>
          </label>
        ) : null}
        {text("evalDataset", "Eval dataset (optional)", { placeholder: "else 2% held out" })}
        <label>Method
          <select aria-label="Method" value={f.method} onChange={set("method")} {...invalid("method")}>
            <option value="full">Full fine-tuning</option>
            <option value="lora">LoRA</option>
          </select>
          {problem("method")}
        </label>
        {f.method === "lora" ? <>{text("loraR", "LoRA rank", { type: "number", min: 1 })}{text("loraAlpha", "LoRA alpha", { type: "number", min: 1 })}</> : null}
      </fieldset>
      <fieldset className="panel form-grid">
        <legend>Hyper-parameters (paper defaults)</legend>
        {text("learningRate", "Learning rate", { inputMode: "decimal", placeholder: "5e-5" })}
        {text("warmupSteps", "Warmup steps", { type: "number", min: 0 })}
        {text("globalBatchSize", "Global batch", { type: "number", min: 1, title: "sequences per optimizer step, over all GPUs" })}
        {text("microBatchSize", "Micro batch per GPU", { type: "number", min: 1 })}
        {text("maxLength", "Max length", { type: "number", min: 1, title: "tokens per sequence" })}
        {text("epochs", "Epochs", { inputMode: "decimal" })}
        {text("maxSteps", "Max steps (optional)", { type: "number", min: 1 })}
        {f.kind === "dpo" ? text("beta", "DPO beta", { inputMode: "decimal" }) : null}
        {text("evalEvery", "Eval every (steps)", { type: "number", min: 1 })}
        {text("saveEvery", "Checkpoint every (steps)", { type: "number", min: 0 })}
        {text("earlyStoppingPatience", "Early stopping patience (evals, 0 = off)", { type: "number", min: 0, title: "stop after this many evaluations without a better eval loss; the best weights become the final model" })}
        {text("earlyStoppingMinDelta", "Early stopping min delta", { inputMode: "decimal", title: "an eval loss must beat the best by more than this" })}
        {text("datasetSamples", "Samples in the dataset (for the plan)", { type: "number", min: 1, placeholder: "counted when the file is on this host" })}
        {check("packing", "Packing")}
        {check("bf16", "bf16")}
        {check("gradientCheckpointing", "Gradient checkpointing")}
      </fieldset>
      <fieldset className="panel form-grid">
        <legend>Where</legend>
        {text("gpusPerNode", "GPUs per node", { type: "number", min: 0 })}
        {text("nodes", "Nodes", { type: "number", min: 1 })}
        {check("fsdp", "FSDP")}
        <label>Backend
          <select aria-label="Backend" value={f.backend} onChange={set("backend")}>
            <option value="local">Local (this host)</option>
            <option value="ssh">SSH (a remote host)</option>
            <option value="slurm">Slurm (sbatch)</option>
          </select>
        </label>
        {text("python", "Python on the training host")}
        {f.backend === "ssh" ? (
          <>{text("sshHost", "SSH host", { required: true })}{text("sshPort", "SSH port", { type: "number" })}{text("sshUser", "SSH user")}{text("sshIdentityFile", "Identity file")}{text("sshRemoteDir", "Remote directory")}</>
        ) : null}
        {f.backend === "slurm" ? (
          <>
            {text("slurmPartition", "Partition")}{text("slurmAccount", "Account")}{text("slurmTimeLimit", "Time limit")}
            {text("slurmWorkDir", "Shared work directory")}
            <label>Setup lines<textarea aria-label="Setup lines" rows={2} value={f.slurmSetup} onChange={set("slurmSetup")} placeholder="module load cuda" /></label>
          </>
        ) : null}
      </fieldset>
      <div className="row" style={{ gap: 8 }}>
        <button type="button" disabled={busy} onClick={showPreview}>Preview command</button>
        <button type="submit" disabled={busy || !preview} title={preview ? undefined : "Preview the command first"}>Launch</button>
        {!preview && !error ? <span className="muted">Preview the exact command first; Launch runs it.</span> : null}
        {error ? <span className="error" role="alert">{error}</span> : null}
      </div>
      {preview ? (
        <section className="panel" aria-label="Step plan" style={{ marginTop: 12 }} data-testid="training-plan">
          <strong>Step plan</strong> <span className="muted">(global batch counts samples, as the paper&apos;s 1024)</span>
          {preview.plan ? (
            <ul style={{ margin: "6px 0 0" }}>
              {planLines(preview.plan).map((l) => <li key={l} className={l.startsWith("warning:") ? "error" : undefined} role={l.startsWith("warning:") ? "alert" : undefined}>{l}</li>)}
            </ul>
          ) : <p className="muted" style={{ margin: "6px 0 0" }}>The dataset file is not readable on this host: enter “Samples in the dataset” to see the steps, accumulation and warm-up share before launch.</p>}
        </section>
      ) : null}
      {preview ? (
        <section className="panel" aria-label="Preview" style={{ marginTop: 12 }}>
          <div className="row" role="tablist" style={{ gap: 8 }}>
            {([["command", f.backend === "slurm" ? "sbatch script" : "Command"], ["llamafactory", "LLaMA-Factory YAML"], ["trl", "TRL"]] as [Tab, string][]).map(([t, label]) => (
              <button type="button" role="tab" key={t} aria-selected={tab === t} onClick={() => setTab(t)} className={tab === t ? "" : "secondary"}>{label}</button>
            ))}
          </div>
          <pre className="log" data-testid="training-preview">
            {tab === "command" ? preview.command : tab === "llamafactory" ? preview.llamaFactoryYaml : `${preview.trlYaml}\n# Run:\n${preview.trlCommand}`}
          </pre>
        </section>
      ) : null}
    </form>
  );
}
