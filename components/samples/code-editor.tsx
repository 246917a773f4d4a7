"use client";
import dynamic from "next/dynamic";
import type { CodeEditorProps } from "./code-editor-client";

/** The editor is browser-only (it needs the DOM and a worker): no server rendering. */
export const CodeEditor = dynamic<CodeEditorProps>(() => import("./code-editor-client"), {
  ssr: false,
  loading: () => <pre className="code-fallback">loading editor…</pre>,
});
