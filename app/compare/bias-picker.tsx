"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** Which evaluation the bias view shows, and which run's data it is set against (URL state). */
export function BiasPicker({ evaluations, runs, evaluationId, runId }: { evaluations: { id: string; label: string }[]; runs: { id: string; name: string }[]; evaluationId: string; runId: string }) {
  const router = useRouter();
  const path = usePathname();
  const params = useSearchParams();
  const set = (key: string, value: string) => {
    const q = new URLSearchParams(params.toString());
    if (value) q.set(key, value);
    else q.delete(key);
    router.push(`${path}?${q}`);
  };
  return (
    <div className="row">
      <label>Evaluation <select aria-label="Bias evaluation" value={evaluationId} onChange={(e) => set("bias", e.target.value)}>{evaluations.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}</select></label>
      <label>Training data <select aria-label="Bias data" value={runId} onChange={(e) => set("biasRun", e.target.value)}>
        <option value="">the model&apos;s own dataset (when linked)</option>
        {runs.map((r) => <option key={r.id} value={r.id}>run {r.name}</option>)}
      </select></label>
    </div>
  );
}
