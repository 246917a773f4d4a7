"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { queryKeys } from "@/components/query/api";
import { api, ApiError } from "./api";
import { AnswerDiff } from "./answer-diff";
import { DpoAnswerCard } from "./dpo-answer-card";
import { monacoLanguage } from "@/lib/domain/language-names";
import "./dpo-answers.css";

/** Tall enough for the longer answer (19 px a line), within bounds. */
const diffHeight = (a: string, b: string) => Math.min(480, Math.max(120, 19 * Math.max(a.split("\n").length, b.split("\n").length) + 24));

/**
 * A query's DPO stage: its N sampled answers (distinct ones side by side, with verdicts, output
 * and dedup counts), the pairs formed, and a Monaco diff of the picked pair. Shows nothing for a
 * sample that was not a DPO query.
 */
export function DpoAnswers({ runId, sampleId }: { runId: string; sampleId: string }) {
  const query = useQuery({
    queryKey: queryKeys.dpoQuery(runId, sampleId),
    // a sample that was not a DPO query has none: a 404 is "nothing to show", not an error
    queryFn: ({ signal }) => api.dpo(runId, sampleId, signal).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    staleTime: 60_000,
  });
  const [picked, setPair] = useState<{ sampleId: string; pair: number }>({ sampleId, pair: 0 });
  const pair = picked.sampleId === sampleId ? picked.pair : 0;

  if (query.isPending || query.data === null) return null;
  if (query.isError) return <p className="error">DPO answers: {query.error.message}</p>;
  const v = query.data;
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
              <select value={pair} onChange={(e) => setPair({ sampleId, pair: Number(e.target.value) })} aria-label="Pair">
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
