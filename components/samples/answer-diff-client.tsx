"use client";
import { DiffEditor } from "@monaco-editor/react";
import { setupMonaco } from "./monaco-setup";

setupMonaco();

export interface AnswerDiffProps {
  /** the rejected answer (left) */
  original: string;
  /** the chosen answer (right) */
  modified: string;
  language: string;
  height?: number;
}

/** Monaco's diff editor from our own bundle, read-only: rejected on the left, chosen on the right. */
export default function AnswerDiffClient({ original, modified, language, height = 300 }: AnswerDiffProps) {
  return (
    <div className="code-editor" data-testid="dpo-diff">
      <DiffEditor
        height={height}
        language={language}
        original={original}
        modified={modified}
        options={{ readOnly: true, originalEditable: false, renderSideBySide: true, minimap: { enabled: false }, scrollBeyondLastLine: false, fontSize: 13, automaticLayout: true, renderOverviewRuler: false }}
        loading={<pre className="code-fallback">loading diff…</pre>}
      />
    </div>
  );
}
