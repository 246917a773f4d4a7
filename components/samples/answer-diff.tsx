"use client";
import dynamic from "next/dynamic";
import type { AnswerDiffProps } from "./answer-diff-client";

/** The diff editor is browser-only (DOM and a worker): no server rendering. */
export const AnswerDiff = dynamic<AnswerDiffProps>(() => import("./answer-diff-client"), {
  ssr: false,
  loading: () => <pre className="code-fallback">loading diff…</pre>,
});
