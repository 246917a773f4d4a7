import { parseRunConfig, type RunConfig, type RunConfigInput } from "@/lib/domain/run-config";
import type { Snippet } from "@/lib/domain/sample";
import { createRunModelClient } from "@/lib/llm/model-client";
import type { AgentContext } from "./context";

/** A run config on the demo model with fast retries, and a small multilingual corpus. */
export function demoContext(overrides: RunConfigInput = {}, scripted: Record<string, unknown> = {}, signal?: AbortSignal): AgentContext {
  const config: RunConfig = parseRunConfig({
    ...overrides,
    models: {
      endpoints: [{ name: "demo", provider: "scripted", model: "xinstruct-demo", concurrency: 16, retryBaseDelayMs: 1, retryMaxDelayMs: 4, timeoutMs: 2_000, scripted }],
      ...overrides.models,
    },
  });
  return { config, client: createRunModelClient(config), signal };
}

const CODE: Record<string, string> = {
  py: "def total(xs):\n    return sum(x for x in xs if x > 0)",
  java: "static String trim(String s) { return s.strip(); }",
  cpp: "int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }",
  cs: "public static bool IsEmpty(string s) => string.IsNullOrEmpty(s);",
  ts: "export const last = <T,>(xs: T[]): T | undefined => xs[xs.length - 1];",
  js: "function words(s) { return s.split(/\\s+/).filter(Boolean); }",
  php: "<?php function slug(string $s): string { return strtolower(trim($s)); }",
  sh: 'count_lines() { wc -l < "$1"; }',
};

export function demoSnippets(perLanguage = 1): Snippet[] {
  return Object.entries(CODE).flatMap(([language, code]) =>
    Array.from({ length: perLanguage }, (_, i) => ({ id: `${language}-${i}`, language, code: `${code}\n// variant ${i}` })),
  );
}
