"use client";
import { useEffect, useState } from "react";
import type { DpoQueryView } from "@/lib/pipeline/dpo/dpo-query-view";
import { api, ApiError } from "./api";
import { AnswerDiff } from "./answer-diff";
import { DpoAnswerCard } from "./dpo-answer-card";
import { monacoLanguage } from "@/lib/domain/language-names";
import "./dpo-answers.css";

/** Tall enough for the longer answer (19 px a line), within bounds. */
const diffHeight = (a: string, b: string) => Math.min(480, Math.max(120, 19 * Math.max(a.split("\n").length, b.split("\n").length) + 24));

type State = { kind: "loading" } | { kind: "none" } | { kind: "error"; text: string } | { kind: "ready"; view: DpoQueryView };

/**
 * A query's DPO stage: its N sampled answers (distinct ones side by side, with verdicts, output
 * and dedup counts), the pairs formed, and a Monaco diff of the picked pair. Shows nothing for a
 * sample that was not a DPO query.
 */
export function DpoAnswers({ runId, sampleId }: { runId: string; sampleId: string }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [pair, setPair] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    setState({ kind: "loading" });
    setPair(0);
    api.dpo(runId, sampleId, ctl.signal).then(
      (view) => setState({ kind: "ready", view }),
      (e) => {
        if (e.name === "AbortError") return;
        setState(e instanceof ApiError && e.status === 404 ? { kind: "none" } : { kind: "error", text: (e as Error).message });
      },
    );
    return () => ctl.abort();
  }, [runId, sampleId]);

  if (state.kind === "none" || state.kind === "loading") return null;
  if (state.kind === "error") return <p className="error">DPO answers: {state.text}</p>;
  const v = state.view;
  const passing = v.answers.filter((a) => a.passed);
  const current = v.pairs[pair];
  const mark = (i: number) => (current?.chosen === i ? "chosen" : current?.rejected === i ? "rejected" : null);
  return (
    <section className="panel dpo-answers" aria-label="DPO answers" data-testid="dpo-answers">
      <h2>DPO answers</h2>
      <p data-testid="dpo-summary">
        {v.sampled} answers sampled, {v.answers.length} distinct: {passing.reduce((n, a) => n + a.count, 0)} pass ({passing.length} distinct), {v.sampled - passing.reduce((n, a) => n + a.count, 0)} fail ({v.answers.length - passing.length} distinct) · {v.pairs.length} pair{v.pairs.length === 1 ? "" : "s"} formed
        {v.noPassing ? <strong className="warn"> · no passing answer: no pair</strong> : null}
        {v.noFailing ? <strong className="warn"> · no failing answer: no pair</strong> : null}
      </p>
      <div className="dpo-grid">
        {[...v.answers].sort((a, b) => Number(b.passed) - Number(a.passed) || b.count - a.count).map((a) => <DpoAnswerCard key={a.index} answer={a} selected={mark(a.index)} />)}
      </div>
      {current ? (
        <>
          <div className="row dpo-pair-bar">
            <label className="inline">
              Pair
              <select value={pair} onChange={(e) => setPair(Number(e.target.value))} aria-label="Pair">
                {v.pairs.map((p, i) => <option key={p.id} value={i}>{`pair ${i + 1}: chosen #${p.chosen + 1} (${p.chosenVerdict ?? "?"}) vs rejected #${p.rejected + 1} (${p.rejectedVerdict ?? "?"})`}</option>)}
              </select>
            </label>
            <span className="muted">left: rejected #{current.rejected + 1} · right: chosen #{current.chosen + 1}</span>
          </div>
          <AnswerDiff key={`${v.sampleId}:${current.id}`} original={v.answers[current.rejected].text} modified={v.answers[current.chosen].text} language={monacoLanguage(v.language)} height={diffHeight(v.answers[current.rejected].text, v.answers[current.chosen].text)} />
        </>
      ) : (
        <p className="muted">No pair was formed for this query, so there is nothing to compare.</p>
      )}
    </section>
  );
}
