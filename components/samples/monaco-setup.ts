"use client";
import { loader } from "@monaco-editor/react";
// Monaco is bundled from node_modules (no CDN): the core editor API plus the syntax
// highlighters (Monarch grammars) of our languages. No language services, so the only
// worker needed is the editor's own.
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/definitions/java/register";
import "monaco-editor/languages/definitions/cpp/register";
import "monaco-editor/languages/definitions/csharp/register";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/php/register";
import "monaco-editor/languages/definitions/shell/register";
import "monaco-editor/languages/definitions/go/register";
import "monaco-editor/languages/definitions/rust/register";
import "monaco-editor/languages/definitions/ruby/register";
import "monaco-editor/languages/definitions/kotlin/register";
import "monaco-editor/languages/definitions/lua/register";
import "monaco-editor/languages/definitions/perl/register";
import "monaco-editor/languages/definitions/r/register";
import "monaco-editor/languages/definitions/scheme/register";
import "monaco-editor/languages/definitions/scala/register";
import "monaco-editor/languages/definitions/julia/register";
import "monaco-editor/languages/definitions/swift/register";
import "monaco-editor/languages/definitions/markdown/register";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

let done = false;
export function setupMonaco(): void {
  if (done) return;
  done = true;
  window.MonacoEnvironment = {
    getWorker: () => new Worker(new URL("monaco-editor/editor/editor.worker", import.meta.url), { type: "module" }),
  };
  loader.config({ monaco });
}
