/**
 * One exported line per sample or preference pair, in the shapes trainers read:
 * chat "messages" (TRL SFTTrainer, LLaMA-Factory sharegpt, HF chat templates), Alpaca
 * (instruction / input / output) and TRL's preference format (prompt / chosen / rejected).
 */
import { fenceName } from "@/lib/domain/language-names";
import type { SampleCore } from "@/lib/samples/types";

export interface ExportSample extends SampleCore {
  /** stage "verify"'s verdict on the sample's own tests (null: not run); decides the export, never written */
  verdict?: string | null;
  /** the vacuous-test check (genuine | vacuous | unavailable); written as `tests_check` when known */
  stubCheck?: string | null;
}

/** The tests' check as exported metadata: "vacuous" tests assert nothing, the sample is not verified. */
const testsCheck = (s: ExportSample) => (s.stubCheck ? { tests_check: s.stubCheck } : {});
export interface ExportPair {
  id: string;
  runId: string;
  language: string;
  prompt: string;
  chosen: string;
  rejected: string;
}

/** The response as a model should learn to write it: code in a fenced block, unless it already has one. */
export function responseText(solution: string, language: string, fence = true): string {
  if (!fence || /^\s*```/m.test(solution)) return solution;
  return `\`\`\`${fenceName(language)}\n${solution.replace(/\s+$/, "")}\n\`\`\``;
}

export interface RecordOptions {
  /** Wrap bare code responses in a Markdown code fence (default true). */
  fence?: boolean;
}

/** The conversation up to the answer, as SFT records hold it (also what sampling from the SFT model sends). */
export function promptMessages(instruction: string): { role: "user"; content: string }[] {
  return [{ role: "user", content: instruction }];
}

export function sftRecord(s: ExportSample, o: RecordOptions = {}) {
  return {
    messages: [
      ...promptMessages(s.instruction),
      { role: "assistant", content: responseText(s.solution, s.language, o.fence ?? true) },
    ],
    id: s.id,
    language: s.language,
    part: s.part,
    score: s.score,
    tests: s.tests,
    ...testsCheck(s),
  };
}

export function alpacaRecord(s: ExportSample, o: RecordOptions = {}) {
  return {
    instruction: s.instruction,
    input: "",
    output: responseText(s.solution, s.language, o.fence ?? true),
    id: s.id,
    language: s.language,
    part: s.part,
    score: s.score,
    tests: s.tests,
    ...testsCheck(s),
  };
}

export function dpoRecord(p: ExportPair, o: RecordOptions = {}) {
  const fence = o.fence ?? true;
  return {
    prompt: p.prompt,
    chosen: responseText(p.chosen, p.language, fence),
    rejected: responseText(p.rejected, p.language, fence),
    id: p.id,
    language: p.language,
  };
}
