import type { AspectScore } from "@/lib/domain/scoring-rubric";

/**
 * A discussion shown as a conversation: each agent's contribution (the memory sample it
 * brings), critiques when configured, the synthesis (the new sample with its target language),
 * the score with its justification, and the reflection.
 */
export type DiscussionMessage =
  | { kind: "contribution"; agentId: string; language: string; sampleId: string; instruction: string; solution: string }
  | { kind: "critique"; round: number; agentId: string; language: string; critique: string; proposal: string }
  | { kind: "synthesis"; agentId: string | null; targetLanguage: string; sampleId: string; instruction: string; solution: string; tests: string; rationale: string; operations: string[] }
  | { kind: "score"; sampleId: string; mean: number; scale: number; passed: boolean; justification: string; aspects: AspectScore[] }
  | { kind: "reflection"; agentIds: string[]; merits: string[]; faults: string[]; advice: string }
  | { kind: "failure"; step: string; message: string };
