"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatSampling } from "@/lib/ablations/format";

export interface VariantRow {
  key: string; label: string; step: string; status: string; message: string | null; steps: string[];
  runId: string; exportId: string | null; sftSamples: number | null; trainingJobId: string | null; dpoTrainingJobId: string | null;
  evaluation: { id: string; name: string; status: string } | null; evaluationAttached: boolean;
  sampling: { model: string; queries: number; answers: number; passing: number; pairs: number; samplingFailures: number } | null;
}

const STEP_LABEL: Record<string, string> = { generate: "generate", dataset: "dataset", train: "SFT", sample: "sample Ds4", dpo: "DPO", evaluate: "evaluate", done: "done" };

/** A variant's chain: steps behind it, the one it is at (with its status), the ones ahead. */
function Chain({ v }: { v: VariantRow }) {
  const at = v.steps.indexOf(v.step);
  return (
    <span className="row" style={{ gap: 4 }} aria-label={`chain of ${v.key}`}>
      {v.steps.filter((s) => s !== "done").map((s, i) => {
        // an attached evaluation skips the training steps that never ran
        const skipped = v.evaluationAttached && ((s === "train" && !v.trainingJobId) || (s === "sample" && !v.sampling) || (s === "dpo" && !v.dpoTrainingJobId));
        const cls = skipped ? "" : i < at || v.step === "done" ? "succeeded" : i === at ? (v.status === "blocked" ? "failed" : v.status) : "";
        return <span key={s} className={`badge ${cls}`} style={skipped || (i > at && v.step !== "done") ? { opacity: 0.45 } : undefined}>{STEP_LABEL[s]}{skipped ? " (skipped)" : ""}</span>;
      })}
    </span>
  );
}

export function VariantList({ ablationId, variants, evaluations }: { ablationId: string; variants: VariantRow[]; evaluations: { id: string; label: string }[] }) {
  const router = useRouter();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const active = variants.some((v) => v.status === "queued" || v.status === "running");
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(t);
  }, [active, router]);

  async function post(key: string, action: "attach" | "retry", body?: unknown) {
    setError(null);
    const res = await fetch(`/api/ablations/${ablationId}/variants/${encodeURIComponent(key)}/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) setError((await res.json().catch(() => ({})))?.error?.message ?? `HTTP ${res.status}`);
    router.refresh();
  }

  return (
    <div className="panel" style={{ overflowX: "auto" }}>
      <table data-testid="variants">
        <thead><tr><th>Variant</th><th>Chain</th><th>Status</th><th>Samples</th><th>Links</th><th>Evaluation</th></tr></thead>
        <tbody>
          {variants.map((v) => (
            <tr key={v.key} data-variant={v.key}>
              <td><strong>{v.label}</strong><div className="muted"><code>{v.key}</code></div></td>
              <td><Chain v={v} />{v.sampling ? <div className="muted" style={{ marginTop: 4 }} data-testid="variant-sampling" title={`sampled from ${v.sampling.model}`}>Ds4 from its SFT model: {formatSampling(v.sampling)}{v.sampling.pairs === 0 ? " (no pair: DPO skipped)" : ""}</div> : null}{v.message ? <div className={v.status === "blocked" || v.status === "failed" ? "error" : "muted"} style={{ maxWidth: 460, marginTop: 4 }} data-testid="variant-message">{v.message}</div> : null}</td>
              <td><span className={`badge ${v.status === "blocked" ? "failed" : v.status}`} data-testid="variant-status">{v.status}</span></td>
              <td>{v.sftSamples ?? "—"}</td>
              <td className="muted" style={{ fontSize: 13 }}>
                {v.step === "generate" || v.key === "parallel" || v.key === "centralized" ? <div><Link href={`/runs/${v.runId}`}>run</Link></div> : null}
                {v.exportId ? <div><Link href={`/api/export/${v.exportId}/README.md`}>dataset</Link></div> : null}
                {v.trainingJobId ? <div><Link href={`/training/${v.trainingJobId}`}>SFT job</Link></div> : null}
                {v.dpoTrainingJobId ? <div><Link href={`/training/${v.dpoTrainingJobId}`}>DPO job</Link></div> : null}
              </td>
              <td>
                {v.evaluation ? <div><Link href={`/evaluations/${v.evaluation.id}`}>{v.evaluation.name}</Link> <span className={`badge ${v.evaluation.status}`}>{v.evaluation.status}</span>{v.evaluationAttached ? <span className="muted"> (attached)</span> : null}</div> : null}
                <div className="row" style={{ marginTop: 4 }}>
                  <select aria-label={`evaluation for ${v.key}`} value={choice[v.key] ?? ""} onChange={(e) => setChoice({ ...choice, [v.key]: e.target.value })} style={{ maxWidth: 220 }}>
                    <option value="">Attach an evaluation…</option>
                    {evaluations.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}
                  </select>
                  <button type="button" disabled={!choice[v.key]} onClick={() => post(v.key, "attach", { evaluationId: choice[v.key] })} aria-label={`attach to ${v.key}`}>Attach</button>
                  {v.status === "failed" || v.status === "blocked" ? <button type="button" onClick={() => post(v.key, "retry")} aria-label={`retry ${v.key}`}>Retry</button> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
