/** What the samples API returns; plain data, shared with the browser. */
export interface SampleRow {
  id: string;
  runId: string;
  runName: string;
  part: string;
  language: string;
  /** The start of the instruction (the table shows one line). */
  preview: string;
  score: number | null;
  verdict: string | null;
  /** genuine | vacuous | unavailable: the tests run against a stub of the solution (null: not checked) */
  stubCheck: string | null;
  curation: string;
  filtered: boolean;
}

export interface SamplePage {
  items: SampleRow[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Matching samples in all; only computed when asked for (the first page). */
  total?: number;
}

export interface ExecutionView {
  id: string;
  status: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  createdAt: string;
}

export interface RevisionView {
  id: string;
  instruction: string;
  solution: string;
  tests: string | null;
  author: string;
  createdAt: string;
}

/** What every view of a sample holds: the export's records, the sample page, the API. */
export interface SampleCore {
  id: string;
  runId: string;
  part: string;
  language: string;
  instruction: string;
  solution: string;
  tests: string | null;
  score: number | null;
}

export interface SampleDetail extends SampleCore {
  runName: string;
  scores: unknown;
  justification: string | null;
  filtered: boolean;
  filterReason: string | null;
  curation: string;
  verdict: string | null;
  stubCheck: string | null;
  /** why the stub check was unavailable */
  stubNote: string | null;
  /** It was a DPO query: its sampled answers are at /api/runs/:runId/dpo/:id (which answers 404 otherwise). */
  hasDpo: boolean;
  createdAt: string;
  updatedAt: string;
  /** Newest first. */
  executions: ExecutionView[];
  /** Oldest first; the first one is the generated text once the sample was edited. */
  revisions: RevisionView[];
}
