import type { DpoAnswerView } from "@/lib/pipeline/dpo/dpo-query-view";

/** One distinct sampled answer: verdict, how often it was sampled, its pairs, its code and its run's output. */
export function DpoAnswerCard({ answer: a, selected }: { answer: DpoAnswerView; selected: "chosen" | "rejected" | null }) {
  const e = a.execution;
  return (
    <article className={`dpo-card ${a.passed ? "pass" : "fail"}${selected ? ` selected-${selected}` : ""}`} data-testid="dpo-answer" data-verdict={a.verdict} aria-label={`Answer ${a.index + 1}`}>
      <header className="row">
        <strong>#{a.index + 1}</strong>
        <span className={`badge verdict-${a.verdict}`} data-testid="dpo-answer-verdict">{a.passed ? "pass" : "fail"} · {a.verdict}</span>
        <span className="muted" data-testid="dpo-answer-count" title="identical answers among the N sampled">×{a.count}</span>
        {a.chosenIn.map((p) => <span key={`c${p}`} className="badge dpo-chosen">chosen in pair {p + 1}</span>)}
        {a.rejectedIn.map((p) => <span key={`r${p}`} className="badge dpo-rejected">rejected in pair {p + 1}</span>)}
      </header>
      <pre className="dpo-code">{a.text}</pre>
      {e ? (
        <details open={!a.passed}>
          <summary className="muted">exit {e.exitCode ?? "—"} · {e.durationMs} ms{e.stdout || e.stderr ? "" : " · no output"}</summary>
          {e.stdout ? <><h4>stdout</h4><pre className="log">{e.stdout}</pre></> : null}
          {e.stderr ? <><h4>{a.verdict === "syntax_error" ? "compiler errors" : "stderr"}</h4><pre className="log" data-testid="dpo-answer-stderr">{e.stderr}</pre></> : null}
        </details>
      ) : (
        <p className="muted">No stored output.</p>
      )}
    </article>
  );
}
