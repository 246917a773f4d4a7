"use client";
import type { StageState } from "@/lib/domain/run-stages";

/** What the verify and DPO stages found, from their progress events. */
export function StageCounts({ stages }: { stages: StageState }) {
  const { verify, dpo } = stages;
  if (!verify && !dpo) return null;
  return (
    <div className="row" style={{ margin: "4px 0 8px", gap: 24 }}>
      {verify ? (
        <span data-testid="verify-counts">
          verify{verify.finished ? "" : " (under way)"}: <b>{verify.done}</b>/{verify.total} samples have a verdict ·{" "}
          {verify.finished && verify.checked === 0 ? (
            <span data-testid="verify-last-pass">last pass: nothing new to verify</span>
          ) : (
            <span data-testid="verify-last-pass">last pass: {verify.passed} passed, {verify.failed} failed, <span data-testid="verify-vacuous">{verify.vacuous} with vacuous tests</span>, {verify.noTests} without tests</span>
          )}
        </span>
      ) : null}
      {dpo ? (
        <span data-testid="dpo-counts">
          DPO{dpo.finished ? "" : " (under way)"}: <b>{dpo.done}</b>/{dpo.queries} queries · <b>{dpo.pairs}</b> pairs · {dpo.noPassing} with no passing answer · {dpo.noFailing} with no failing answer · {dpo.answers} answers sampled
        </span>
      ) : null}
      {[verify, dpo].map((st, i) => (st?.summary ? <span key={i} className={st.outcome === "failed" ? "error" : "muted"} data-testid={`${i ? "dpo" : "verify"}-outcome`}>{st.outcome === "failed" ? "failed" : "completed with errors"}: {st.summary}</span> : null))}
    </div>
  );
}
