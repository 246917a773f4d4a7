"use client";
import type { SampleDetail } from "@/lib/samples/types";
import { CodeEditor } from "./code-editor";
import { ExecutionResult } from "./execution-result";
import { StubCheckNote } from "./stub-check-note";
import { RevisionList } from "./revision-list";
import { monacoLanguage } from "@/lib/domain/language-names";

export interface Draft {
  instruction: string;
  solution: string;
  tests: string;
}

interface Props {
  sample: SampleDetail;
  editing: boolean;
  draft: Draft;
  onDraft: (update: (d: Draft) => Draft) => void;
  onAction: (a: "accept" | "reject" | "reset" | "edit" | "save" | "cancel" | "run") => void;
  busy: boolean;
  notice: { kind: "ok" | "error"; text: string } | null;
}

/** One sample: instruction, solution and tests in Monaco, scores, execution, revisions, curation. */
export function SampleView({ sample: s, editing, draft, onDraft, onAction, busy, notice }: Props) {
  const lang = monacoLanguage(s.language);
  const shown = editing ? draft : { instruction: s.instruction, solution: s.solution, tests: s.tests ?? "" };
  // A new sample, a saved edit or a switch of mode shows fresh text in the editors.
  const key = `${s.id}:${s.updatedAt}:${editing}`;
  return (
    <section className="panel sample-view" aria-label="Sample" data-testid="sample-view" data-id={s.id}>
      <div className="row sv-head">
        <strong>{s.language}</strong>
        <span className="badge">{s.part.replace("ds", "Ds")}</span>
        <span className={`badge curation-${s.curation}`} data-testid="sample-curation">{s.curation}</span>
        <span className="muted">score {s.score ?? "—"} · run {s.runName} · <code>{s.id}</code></span>
        <span className="spacer" />
        {editing ? (
          <>
            <button onClick={() => onAction("save")} disabled={busy}>Save (Ctrl+S)</button>
            <button className="secondary" onClick={() => onAction("cancel")} disabled={busy}>Cancel (Esc)</button>
          </>
        ) : (
          <>
            <button onClick={() => onAction("accept")} disabled={busy}>Accept (a)</button>
            <button className="danger" onClick={() => onAction("reject")} disabled={busy}>Reject (r)</button>
            <button className="secondary" onClick={() => onAction("edit")} disabled={busy}>Edit (e)</button>
          </>
        )}
        <button className="secondary" onClick={() => onAction("run")} disabled={busy} title="Execute the (edited) solution with its tests in the sandbox">Run again</button>
      </div>
      {notice ? <p className={notice.kind === "error" ? "error" : "ok"} role="status" data-testid="sample-notice">{notice.text}</p> : null}
      {s.filtered ? <p className="warn">Filtered out by the scorer{s.filterReason ? `: ${s.filterReason}` : ""}.</p> : null}
      <h3>Instruction</h3>
      <CodeEditor key={`i:${key}`} label="Instruction" language="markdown" value={shown.instruction} readOnly={!editing} height={140} onChange={(v) => onDraft((d) => ({ ...d, instruction: v }))} />
      <h3>Solution</h3>
      <CodeEditor key={`s:${key}`} label="Solution" language={lang} value={shown.solution} readOnly={!editing} height={240} onChange={(v) => onDraft((d) => ({ ...d, solution: v }))} />
      <h3>Tests</h3>
      <CodeEditor key={`t:${key}`} label="Tests" language={lang} value={shown.tests} readOnly={!editing} height={160} onChange={(v) => onDraft((d) => ({ ...d, tests: v }))} />
      <div className="sv-grid">
        <div>
          <h3>Execution</h3>
          <ExecutionResult executions={s.executions} verdict={s.verdict} />
          <StubCheckNote check={s.stubCheck} note={s.stubNote} />
        </div>
        <div>
          <h3>Scorer</h3>
          {s.justification ? <p>{s.justification}</p> : <p className="muted">No justification stored.</p>}
          {s.scores ? <pre className="log">{JSON.stringify(s.scores, null, 2)}</pre> : null}
        </div>
      </div>
      <h3>Revisions</h3>
      <RevisionList revisions={s.revisions} />
    </section>
  );
}
