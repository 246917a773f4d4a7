"use client";
import { DiffEditor, type DiffOnMount } from "@monaco-editor/react";
import { useLayoutEffect, useRef } from "react";
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

type DiffWidget = Parameters<DiffOnMount>[0];

/**
 * Monaco's diff editor from our own bundle, read-only: rejected on the left, chosen on the right.
 * @monaco-editor/react 4.7 disposes the two text models before the diff widget on unmount, which
 * Monaco reports as an uncaught "TextModel got disposed before DiffEditorWidget model got reset"
 * (each time the filters or the sample change with a diff open). So the library keeps its models,
 * and this component detaches them from the widget first and then disposes them, in a layout-effect
 * cleanup: React runs those before the library's own (passive) cleanup disposes the widget.
 */
export default function AnswerDiffClient({ original, modified, language, height = 300 }: AnswerDiffProps) {
  const widget = useRef<DiffWidget | null>(null);
  useLayoutEffect(
    () => () => {
      const editor = widget.current;
      widget.current = null;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <div className="code-editor" data-testid="dpo-diff">
      <DiffEditor
        height={height}
        language={language}
        original={original}
        modified={modified}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        onMount={(editor) => void (widget.current = editor)}
        options={{ readOnly: true, originalEditable: false, renderSideBySide: true, minimap: { enabled: false }, scrollBeyondLastLine: false, fontSize: 13, automaticLayout: true, renderOverviewRuler: false }}
        loading={<pre className="code-fallback">loading diff…</pre>}
      />
    </div>
  );
}
