"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson, queryKeys } from "@/components/query/api";
import { stageActive, type StageState } from "@/lib/domain/run-stages";

interface TrainingJobRow { id: string; name: string; kind: string; backend: string; status: string }

const GENERATING = ["queued", "running", "pausing", "cancelling"];
type Stage = "verify" | "dpo";

/**
 * Starts the stages after generation: "verify" (POST /api/runs/:id/verify) and "dpo" (POST
 * /api/runs/:id/dpo, which verifies what is not verified first). Their progress arrives on
 * the run's event stream or its polled snapshot; the buttons wait while generation or one of
 * them is under way, or (`waiting`) one just asked for has not started yet. DPO answers come
 * from the run's R-Generator, or (as the paper builds Ds4) from a succeeded SFT training job's
 * final model, sampled where that job trained (this host, its SSH host or Slurm).
 */
export function StageActions({ runId, status, stages, waiting, onStarted }: { runId: string; status: string; stages: StageState; waiting?: boolean; onStarted?: () => void }) {
  const [answers, setAnswers] = useState("128");
  const [fromJob, setFromJob] = useState("");
  const [maxTokens, setMaxTokens] = useState("1024");
  const tokens = Number(maxTokens);
  const tokensValid = !fromJob || (Number.isInteger(tokens) && tokens >= 1 && tokens <= 32_768);
  const sftJobs = useQuery({
    queryKey: queryKeys.trainingJobs,
    queryFn: () => apiJson<{ jobs: TrainingJobRow[] }>("/api/training"),
    select: (r) => r.jobs.filter((j) => j.kind === "sft" && j.status === "succeeded"),
  });
  const n = Number(answers);
  const nValid = Number.isInteger(n) && n >= 1 && n <= 1024;
  const working = GENERATING.includes(status) || stageActive(stages) || Boolean(waiting);
  const start = useMutation({
    mutationFn: (stage: Stage) =>
      apiJson<{ jobId: string }>(`/api/runs/${encodeURIComponent(runId)}/${stage}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stage === "dpo" ? JSON.stringify({ n, ...(fromJob ? { fromJob, maxNewTokens: tokens } : {}) }) : undefined,
      }),
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
      <label className="row" style={{ gap: 4 }} title="Ds4 as the paper builds it: sampled from the SFT model, where its training job ran">
        sampled from
        <select aria-label="DPO answers sampled from" value={fromJob} onChange={(e) => setFromJob(e.target.value)}>
          <option value="">the run&apos;s R-Generator</option>
          {(sftJobs.data ?? []).map((j) => <option key={j.id} value={j.id}>SFT model of {j.name} ({j.backend})</option>)}
        </select>
      </label>
      {fromJob ? (
        <label className="row" style={{ gap: 4 }}>
          longest answer (tokens)
          <input aria-label="Longest sampled answer in tokens" inputMode="numeric" style={{ width: 70 }} value={maxTokens} onChange={(e) => setMaxTokens(e.target.value)} />
        </label>
      ) : null}
      {sftJobs.isError ? <span className="error" role="alert">training jobs could not be listed: {sftJobs.error.message}</span> : null}
      <button type="button" disabled={start.isPending || working || !nValid || !tokensValid} onClick={() => start.mutate("dpo")} title="Sample answers per verified query, run them, keep passing/failing pairs (Ds4)">Make DPO pairs</button>
      {working && !GENERATING.includes(status) ? <span className="muted">a stage is under way</span> : null}
      {!nValid ? <span className="error" role="alert">answers per query: a whole number from 1 to 1024</span> : null}
      {!tokensValid ? <span className="error" role="alert">longest answer: a whole number of tokens from 1 to 32768</span> : null}
      {notice ? <span className="muted" data-testid="stage-notice">{notice}</span> : null}
      {start.error ? <span className="error" role="alert">{start.error.message}</span> : null}
    </div>
  );
}
