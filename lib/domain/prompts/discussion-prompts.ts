import { languageName } from "../language-names";
import type { Reflection } from "../sample";
import { testConvention } from "../test-convention";
import { answerWith, sampleBlock } from "./format";
import { prompt, type BuiltPrompt } from "./prompt-kinds";
import { reflectionsBlock } from "./score-prompts";

/**
 * Cross-lingual discussion (paper §2.4). Centralized F(A1; A2..Ad): the main agent A1 writes
 * the new sample mainly from its own, with the others as references. Parallel F(A1..Ad): all
 * count equally. Optional critique rounds come before the synthesis; with none this is the
 * paper's single prompt.
 */

export type DiscussionMode = "centralized" | "parallel";

export interface DiscussionParticipant {
  agentId: string;
  language: string;
  profile: string;
  sample: { id: string; language: string; instruction: string; solution: string; tests: string };
  reflections: Reflection[];
}

export interface Critique {
  agentId: string;
  language: string;
  round: number;
  critique: string;
  proposal: string;
}

export interface TargetRule {
  allowed: string[];
  rule: "free" | "group" | "new";
}

function participantBlock(p: DiscussionParticipant, label: string): string {
  return [`### ${label} — ${languageName(p.language)} agent ${p.agentId}`, sampleBlock(p.sample), `Reflections on past generations:\n${reflectionsBlock(p.reflections)}`].join("\n");
}

function label(i: number): string {
  return `A${i + 1}`;
}

function critiquesBlock(critiques: readonly Critique[]): string {
  return critiques.map((c) => `- round ${c.round}, ${languageName(c.language)} agent ${c.agentId}: ${c.critique}\n  proposal: ${c.proposal}`).join("\n");
}

function operationsBlock(operations: readonly { id: string; description: string }[]): string {
  return operations.map((o) => `- ${o.id}: ${o.description}`).join("\n");
}

const RULE_TEXT = {
  free: "any of the run's languages, existing in the group or new to it",
  group: "one of the languages spoken in this group",
  new: "a language that no agent of this group speaks",
};

function targetBlock(target: TargetRule): string {
  const conventions = target.allowed.map((l) => `- ${l}: ${testConvention(l)}`).join("\n");
  return `Allowed target languages: ${target.allowed.join(", ")}\n(${RULE_TEXT[target.rule]})\nTest conventions:\n${conventions}`;
}

function modeLine(mode: DiscussionMode, d: number): string {
  return mode === "centralized"
    ? `Discussion: centralized, F(A1; A2..A${d}). A1 is the main agent and writes the new sample mainly from its own sample; the others are cross-lingual references.`
    : `Discussion: parallel, F(A1..A${d}). All agents count equally; the new sample is composed from all of their samples.`;
}

export function critiquePrompt(args: {
  mode: DiscussionMode;
  participants: DiscussionParticipant[];
  speaker: number;
  round: number;
  operations: { id: string; description: string }[];
  previous: Critique[];
}): BuiltPrompt {
  const { mode, participants, speaker, round, operations, previous } = args;
  const me = participants[speaker];
  const task =
    mode === "centralized"
      ? `You are ${label(speaker)}, an auxiliary agent. Critique the main agent A1's sample and propose how your ${languageName(me.language)} sample and experience can improve the new sample A1 will write.`
      : `You are ${label(speaker)}. Critique the samples and propose how to compose one new sample from all of them, drawing on your ${languageName(me.language)} speciality.`;
  return prompt(
    "critique",
    me.profile,
    [
      modeLine(mode, participants.length),
      `Critique round ${round}. ${task}`,
      `Operation(s) to apply:\n${operationsBlock(operations)}`,
      participants.map((p, i) => participantBlock(p, label(i))).join("\n\n"),
      previous.length ? `Earlier critiques:\n${critiquesBlock(previous)}` : "",
      answerWith({ critique: "string", proposal: "string" }),
    ]
      .filter(Boolean)
      .join("\n\n"),
  );
}

const MODERATOR = "You moderate a parallel discussion among equal language-specific agents that create instruction data for code models. You combine their samples into one new sample fairly.";

export function synthesisPrompt(args: {
  mode: DiscussionMode;
  participants: DiscussionParticipant[];
  operations: { id: string; description: string }[];
  target: TargetRule;
  critiques: Critique[];
}): BuiltPrompt {
  const { mode, participants, operations, target, critiques } = args;
  const main = participants[0];
  const body =
    mode === "centralized"
      ? [
          `Your sample (A1):\n${participantBlock(main, "A1")}`,
          `Reference samples from the other agents:\n${participants.slice(1).map((p, i) => participantBlock(p, label(i + 1))).join("\n\n")}`,
        ]
      : [`Samples of the agents:\n${participants.map((p, i) => participantBlock(p, label(i))).join("\n\n")}`];
  const write =
    mode === "centralized"
      ? "Write one new sample mainly based on your own sample, using the references for cross-lingual ideas, applying the operation(s) and avoiding the faults in the reflections."
      : "Write one new sample that draws equally on all samples, applying the operation(s) and avoiding the faults in the reflections.";
  return prompt(
    "synthesis",
    mode === "centralized" ? main.profile : MODERATOR,
    [
      modeLine(mode, participants.length),
      `Operation(s) to apply:\n${operationsBlock(operations)}`,
      targetBlock(target),
      ...body,
      critiques.length ? `The discussion so far:\n${critiquesBlock(critiques)}` : "",
      `${write} The new sample names its target language; the solution and tests are in that language, self-contained, standard library only.`,
      answerWith({
        targetLanguage: `one of ${target.allowed.map((l) => `"${l}"`).join(", ")}`,
        instruction: "string",
        solution: "string (the code)",
        tests: "string (the test code)",
        rationale: "string (what was taken from which agent)",
      }),
    ]
      .filter(Boolean)
      .join("\n\n"),
  );
}
