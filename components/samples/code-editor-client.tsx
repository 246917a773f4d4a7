"use client";
import Editor from "@monaco-editor/react";
import { setupMonaco } from "./monaco-setup";

setupMonaco();

export interface CodeEditorProps {
  value: string;
  language: string;
  readOnly: boolean;
  onChange?: (value: string) => void;
  height?: number;
  label: string;
  /** The number of the first line in the gutter (a snippet's line in its file); default 1. */
  firstLine?: number;
}

/**
 * Monaco, loaded from our own bundle; read-only unless the sample is being edited. The editor
 * owns its text (uncontrolled): a controlled value would race with fast typing. Remount it
 * (a new `key`) to show other text.
 */
export default function CodeEditorClient({ value, language, readOnly, onChange, height = 220, label, firstLine = 1 }: CodeEditorProps) {
  return (
    <div className="code-editor" data-testid={`editor-${label.toLowerCase()}`} data-readonly={readOnly ? "true" : "false"} aria-label={label}>
      <Editor
        height={height}
        language={language}
        defaultValue={value}
        onChange={(v) => onChange?.(v ?? "")}
        options={{ readOnly, minimap: { enabled: false }, scrollBeyondLastLine: false, wordWrap: "on", fontSize: 13, lineNumbers: firstLine === 1 ? "on" : (n: number) => String(n + firstLine - 1), automaticLayout: true, ariaLabel: label, quickSuggestions: false, wordBasedSuggestions: "off" }}
        loading={<pre className="code-fallback">{value}</pre>}
      />
    </div>
  );
}
