"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson } from "@/components/query/api";
import { stageActive, type StageState } from "@/lib/domain/run-stages";

const GENERATING = ["queued", "running", "pausing", "cancelling"];
type Stage = "verify" | "dpo";

/**
 * Starts the stages after generation: "verify" (POST /api/runs/:id/verify) and "dpo" (POST
 * /api/runs/:id/dpo, which verifies what is not verified first). Their progress arrives on
 * the run's event stream or its polled snapshot; the buttons wait while generation or one of
 * them is under way, or (`waiting`) one just asked for has not started yet.
 */
export function StageActions({ runId, status, stages, waiting, onStarted }: { runId: string; status: string; stages: StageState; waiting?: boolean; onStarted?: () => void }) {
  const [answers, setAnswers] = useState("128");
  const n = Number(answers);
  const nValid = Number.isInteger(n) && n >= 1 && n <= 1024;
  const working = GENERATING.includes(status) || stageActive(stages) || Boolean(waiting);
  const start = useMutation({
    mutationFn: (stage: Stage) =>
      apiJson<{ jobId: string }>(`/api/runs/${encodeURIComponent(runId)}/${stage}`, { method: "POST", headers: { "content-type": "application/json" }, body: stage === "dpo" ? JSON.stringify({ n }) : undefined }),
    onSuccess: () => onStarted?.(),
  });
  const notice = start.isSuccess ? `${start.variables === "verify" ? "Verification" : "DPO sampling"} queued (job ${start.data.jobId}).` : null;

  return (
    <div className="row" data-testid="stage-actions">
      <button type="button" disabled={start.isPending || working} onClick={() => start.mutate("verify")} title="Run every sample's tests in the sandbox (the LLM writes missing tests)">Verify samples</button>
      <label className="row" style={{ gap: 4 }}>
        answers per query
        <input aria-label="DPO answers per query" inputMode="numeric" style={{ width: 70 }} value={answers} onChange={(e) => setAnswers(e.target.value)} />
      </label>
      <button type="button" disabled={start.isPending || working || !nValid} onClick={() => start.mutate("dpo")} title="Sample answers per verified query, run them, keep passing/failing pairs (Ds4)">Make DPO pairs</button>
      {working && !GENERATING.includes(status) ? <span className="muted">a stage is under way</span> : null}
      {!nValid ? <span className="error" role="alert">answers per query: a whole number from 1 to 1024</span> : null}
      {notice ? <span className="muted" data-testid="stage-notice">{notice}</span> : null}
      {start.error ? <span className="error" role="alert">{start.error.message}</span> : null}
    </div>
  );
}
