import type { SampleScore } from "./scoring-rubric";

/** A code snippet of the corpus, the input of the seed stage. */
export interface Snippet {
  id: string;
  language: string;
  code: string;
  path?: string;
}

export type Dataset = "ds1" | "ds2" | "ds3";

/** One (q, a) pair: the instruction, its solution and the tests written with it. */
export interface InstructionSample {
  id: string;
  dataset: Dataset;
  language: string;
  instruction: string;
  solution: string;
  tests: string;
  snippetId?: string;
  /** ds3: the memory samples the discussion started from */
  parentIds?: string[];
  /** ds3: the agents of the discussion, main agent first in centralized mode */
  agentIds?: string[];
  discussionId?: string;
  operations?: string[];
  score?: SampleScore;
  /** accepted: scored at or above the threshold; filtered: kept, with the reason */
  status: "unscored" | "accepted" | "filtered";
  filterReason?: string;
}

/** An agent's reflection r after a generation: the scorer's merits and faults. */
export interface Reflection {
  sampleId: string;
  merits: string[];
  faults: string[];
  advice: string;
}
