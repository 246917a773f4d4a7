import type { ExecutionView } from "@/lib/samples/types";

/** The latest execution of a sample: verdict, exit code, output and compiler errors. */
export function ExecutionResult({ executions, verdict }: { executions: ExecutionView[]; verdict: string | null }) {
  const e = executions[0];
  if (!e) return <p className="muted" data-testid="execution">{verdict ? `Verdict ${verdict} (no stored output).` : "Not executed yet."}</p>;
  return (
    <div data-testid="execution">
      <div className="row">
        <span className={`badge verdict-${e.status}`}>{e.status}</span>
        <span className="muted">exit {e.exitCode ?? "—"} · {e.durationMs} ms · {e.createdAt.slice(0, 19).replace("T", " ")}</span>
        {verdict === null ? <span className="muted">(the code was edited since)</span> : null}
      </div>
      {e.stdout ? <><h4>stdout</h4><pre className="log">{e.stdout}</pre></> : null}
      {e.stderr ? <><h4>{e.status === "syntax_error" ? "compiler errors" : "stderr"}</h4><pre className="log">{e.stderr}</pre></> : null}
    </div>
  );
}
