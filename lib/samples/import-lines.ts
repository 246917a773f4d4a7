import { CURATIONS, PARTS, type Curation, type Part } from "./sample-filter";

/**
 * Reads existing instruction data, one JSON object per line, in the shapes people have:
 * - xinstruct's own:  { instruction, solution | response, tests?, language?, part?, score?, curation?, verdict? }
 * - Alpaca:           { instruction, input?, output }
 * - chat messages:    { messages: [{ role: "user", content }, { role: "assistant", content }] }
 * - DPO (TRL):        { prompt, chosen, rejected }  → a preference pair
 * Pure: the caller reads the file and writes the rows.
 */
export interface ImportedSample {
  kind: "sample";
  part: Part;
  language: string;
  instruction: string;
  solution: string;
  tests: string | null;
  score: number | null;
  curation: Curation;
  verdict: string | null;
}
export interface ImportedPair {
  kind: "pair";
  language: string;
  prompt: string;
  chosen: string;
  rejected: string;
}
export type ImportedLine = ImportedSample | ImportedPair;
export interface LineError {
  line: number;
  message: string;
}
export interface ImportDefaults {
  language?: string;
  part?: Part;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export function parseImportLine(text: string, defaults: ImportDefaults = {}): ImportedLine {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text);
  } catch {
    throw new Error("not valid JSON");
  }
  if (!o || typeof o !== "object" || Array.isArray(o)) throw new Error("not a JSON object");
  const language = str(o.language) ?? str(o.lang) ?? defaults.language;
  if (!language) throw new Error('no "language" field and no default language (--language)');
  if (str(o.prompt) !== undefined && str(o.chosen) !== undefined && str(o.rejected) !== undefined) {
    return { kind: "pair", language, prompt: o.prompt as string, chosen: o.chosen as string, rejected: o.rejected as string };
  }
  const [instruction, solution] = instructionAndSolution(o);
  const part = str(o.part) ?? defaults.part ?? "ds1";
  if (!(PARTS as readonly string[]).includes(part)) throw new Error(`part must be one of ${PARTS.join(", ")}`);
  const curation = str(o.curation) ?? "pending";
  if (!(CURATIONS as readonly string[]).includes(curation)) throw new Error(`curation must be one of ${CURATIONS.join(", ")}`);
  if (o.score !== undefined && o.score !== null && typeof o.score !== "number") throw new Error('"score" must be a number');
  return {
    kind: "sample",
    part: part as Part,
    language,
    instruction,
    solution,
    tests: str(o.tests) ?? null,
    score: typeof o.score === "number" ? o.score : null,
    curation: curation as Curation,
    verdict: str(o.verdict) ?? null,
  };
}

function instructionAndSolution(o: Record<string, unknown>): [string, string] {
  if (Array.isArray(o.messages)) {
    const msgs = o.messages as { role?: unknown; content?: unknown }[];
    const user = msgs.find((m) => m?.role === "user");
    const assistant = msgs.find((m) => m?.role === "assistant");
    if (typeof user?.content !== "string" || typeof assistant?.content !== "string") throw new Error("messages need a user and an assistant message with text content");
    return [user.content, assistant.content];
  }
  const instruction = str(o.instruction);
  const solution = str(o.solution) ?? str(o.response) ?? str(o.output);
  if (!instruction?.trim()) throw new Error('no "instruction" (or "messages", or "prompt"/"chosen"/"rejected")');
  if (!solution?.trim()) throw new Error('no "solution" (or "response" / "output")');
  const input = str(o.input);
  return [input?.trim() ? `${instruction}\n\n${input}` : instruction, solution];
}

/** Parses every non-empty line; collects the errors with their line numbers. */
export function parseImportText(text: string, defaults: ImportDefaults = {}): { items: ImportedLine[]; errors: LineError[] } {
  const items: ImportedLine[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      items.push(parseImportLine(line, defaults));
    } catch (e) {
      errors.push({ line: i + 1, message: (e as Error).message });
    }
  });
  return { items, errors };
}
