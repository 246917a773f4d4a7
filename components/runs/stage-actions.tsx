"use client";
import { useState } from "react";
import { stageActive, type StageState } from "@/lib/domain/run-stages";

const GENERATING = ["queued", "running", "pausing", "cancelling"];

/**
 * Starts the stages after generation: "verify" (POST /api/runs/:id/verify) and "dpo" (POST
 * /api/runs/:id/dpo, which verifies what is not verified first). Their progress arrives on
 * the run's event stream; the buttons wait while generation or one of them is under way.
 */
export function StageActions({ runId, status, stages, onStarted }: { runId: string; status: string; stages: StageState; onStarted?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [answers, setAnswers] = useState("128");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = Number(answers);
  const nValid = Number.isInteger(n) && n >= 1 && n <= 1024;
  const working = GENERATING.includes(status) || stageActive(stages);

  async function start(stage: "verify" | "dpo") {
    setBusy(true);
    setError(null);
    setNotice(null);
    const res = await fetch(`/api/runs/${encodeURIComponent(runId)}/${stage}`, { method: "POST", headers: { "content-type": "application/json" }, body: stage === "dpo" ? JSON.stringify({ n }) : undefined });
    const json = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(json?.error?.message ?? `HTTP ${res.status}`);
    setNotice(`${stage === "verify" ? "Verification" : "DPO sampling"} queued (job ${json.jobId}).`);
    onStarted?.();
  }

  return (
    <div className="row" data-testid="stage-actions">
      <button type="button" disabled={busy || working} onClick={() => start("verify")} title="Run every sample's tests in the sandbox (the LLM writes missing tests)">Verify samples</button>
      <label className="row" style={{ gap: 4 }}>
        answers per query
        <input aria-label="DPO answers per query" inputMode="numeric" style={{ width: 70 }} value={answers} onChange={(e) => setAnswers(e.target.value)} />
      </label>
      <button type="button" disabled={busy || working || !nValid} onClick={() => start("dpo")} title="Sample answers per verified query, run them, keep passing/failing pairs (Ds4)">Make DPO pairs</button>
      {working && !GENERATING.includes(status) ? <span className="muted">a stage is under way</span> : null}
      {!nValid ? <span className="error" role="alert">answers per query: a whole number from 1 to 1024</span> : null}
      {notice ? <span className="muted" data-testid="stage-notice">{notice}</span> : null}
      {error ? <span className="error" role="alert">{error}</span> : null}
    </div>
  );
}
