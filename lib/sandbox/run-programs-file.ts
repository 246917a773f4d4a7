import "server-only";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { once } from "node:events";
import { z } from "zod";
import { assembleMultiplE } from "@/lib/sandbox/assemble-multipl-e";
import type { SandboxPool } from "@/lib/sandbox/pool";
import { LANGUAGE_IDS, type ExecutionResult, type LanguageId, type ProgramSpec } from "@/lib/sandbox/types";

const inputLine = z
  .object({
    name: z.string(),
    language: z.enum(LANGUAGE_IDS),
    program: z.string().optional(),
    prompt: z.string().optional(),
    completion: z.string().optional(),
    tests: z.string().optional(),
    stop_tokens: z.array(z.string()).optional(),
  })
  .refine((r) => r.program !== undefined || (r.prompt !== undefined && r.completion !== undefined && r.tests !== undefined), {
    message: 'needs "program", or "prompt", "completion" and "tests"',
  });

export interface ParsedInput {
  items: { name: string; spec: ProgramSpec }[];
  malformed: { line: number; message: string }[];
}

/** One program per JSONL line; malformed lines are reported by number and skipped. */
export function parseProgramsJsonl(text: string): ParsedInput {
  const parsed: ParsedInput = { items: [], malformed: [] };
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      parsed.malformed.push({ line: index + 1, message: `not JSON (${(error as Error).message})` });
      return;
    }
    const result = inputLine.safeParse(value);
    if (!result.success) {
      parsed.malformed.push({ line: index + 1, message: result.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; ") });
      return;
    }
    const r = result.data;
    const program = r.program ?? assembleMultiplE({ prompt: r.prompt!, completion: r.completion!, tests: r.tests!, stop_tokens: r.stop_tokens });
    parsed.items.push({ name: r.name, spec: { language: r.language, program } });
  });
  return parsed;
}

export type LanguageSummary = Partial<Record<LanguageId, { n: number; ok: number }>>;

export interface RunProgramsFileOptions {
  pool: SandboxPool;
  concurrency?: number;
  /** Wall and CPU limit per program, seconds (default: each language's). */
  timeoutS?: number;
  signal?: AbortSignal;
  onMalformed?: (line: number, message: string) => void;
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
}

/** Runs every program of INPUT.jsonl and writes one result line each, in input order, to OUTPUT.jsonl. */
export async function runProgramsFile(input: string, output: string, options: RunProgramsFileOptions): Promise<LanguageSummary> {
  const { items, malformed } = parseProgramsJsonl(await readFile(input, "utf8"));
  for (const m of malformed) options.onMalformed?.(m.line, m.message);
  options.onStart?.(items.length);
  const limits = options.timeoutS ? { wallMs: options.timeoutS * 1000, cpuMs: options.timeoutS * 1000 } : undefined;
  const out = createWriteStream(output);
  const finished = new Array<ExecutionResult | undefined>(items.length);
  let written = 0;
  let done = 0;
  const flush = () => {
    while (written < items.length && finished[written]) {
      const { name, spec } = items[written];
      const r = finished[written]!;
      const line = { name, language: spec.language, status: r.status, exit_code: r.exitCode, stdout: r.stdout, stderr: r.stderr, duration_ms: r.durationMs, ...(r.compileOutput ? { compile_output: r.compileOutput } : {}) };
      out.write(`${JSON.stringify(line)}\n`);
      finished[written++] = undefined; // written; let it go
    }
  };
  const summary: LanguageSummary = {};
  try {
    await options.pool.runMany(
      items.map((item) => ({ ...item.spec, limits })),
      {
        concurrency: options.concurrency,
        signal: options.signal,
        onResult: (result, index) => {
          const entry = (summary[items[index].spec.language] ??= { n: 0, ok: 0 });
          entry.n++;
          if (result.status === "ok") entry.ok++;
          finished[index] = result;
          flush();
          options.onProgress?.(++done);
        },
      },
    );
  } finally {
    out.end();
    await once(out, "close");
  }
  return summary;
}
