/**
 * Evolution operations O of an agent (paper §2.3: "increasing difficulty and adding more
 * reasoning steps"), completed with the in-depth and in-breadth methods of Evol-Instruct /
 * WizardCoder's code variant.
 */
export interface EvolutionOperation {
  id: string;
  description: string;
}

export const DEFAULT_OPERATIONS: EvolutionOperation[] = [
  { id: "increase-difficulty", description: "Make the problem harder while keeping it solvable in one self-contained program." },
  { id: "add-reasoning-steps", description: "If the problem can be solved in a few logical steps, require more reasoning steps." },
  { id: "add-constraints", description: "Add new constraints and requirements to the original problem (about 10 more words)." },
  { id: "replace-requirement", description: "Replace a commonly used requirement with a less common and more specific one." },
  { id: "concretize", description: "Replace general concepts with more specific ones (concrete data, formats, edge cases)." },
  { id: "deepen", description: "Ask about the same topic in more depth (error handling, generality, invariants)." },
  { id: "complexity-requirements", description: "State higher time or space complexity requirements (use sparingly)." },
  { id: "change-language", description: "Carry the idea over to another programming language, using that language's idioms." },
  { id: "combine-concepts", description: "Combine the concepts of the reference samples into one new problem." },
  { id: "breadth", description: "Create a brand-new problem in the same domain but rarer and more distinctive." },
];
