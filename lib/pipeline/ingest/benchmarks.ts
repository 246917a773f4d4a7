import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";

/** The text of one benchmark problem that training data must not contain. */
export interface BenchmarkItem {
  /** Benchmark name, by default the file name without extension ("HumanEval", "humaneval-cs"). */
  benchmark: string;
  /** task_id (HumanEval, MBPP, HumanEval-X, McEval) or name (MultiPL-E). */
  id: string;
  prompt?: string;
  solution?: string;
}

/**
 * Reads a benchmark file in one of the supported formats, recognised by its fields:
 * - HumanEval / HumanEval-X / HumanEvalPack / McEval JSONL: task_id, prompt, canonical_solution;
 * - MultiPL-E JSONL: name, prompt (no solution); MultiPL-E completions: name, completion;
 * - MBPP: sanitized JSON array (task_id, prompt, code) or the original JSONL (task_id, text, code).
 */
export async function loadBenchmarkFile(file: string, name?: string): Promise<BenchmarkItem[]> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    throw new AppError("not_found:benchmark", `Benchmark file ${file} cannot be read.`, { cause: e });
  }
  return parseBenchmarkText(text, name ?? path.basename(file).replace(/\.(jsonl|json)$/i, ""));
}

export function parseBenchmarkText(text: string, benchmark: string): BenchmarkItem[] {
  const records = parseRecords(text, benchmark);
  const items = records.map((r, i) => toItem(r, i, benchmark)).filter((x): x is BenchmarkItem => x !== null);
  if (items.length === 0)
    throw new AppError("invalid:benchmark", `${benchmark}: no records with a prompt or a solution (expected HumanEval, MultiPL-E or MBPP format).`);
  return items;
}

function parseRecords(text: string, benchmark: string): Record<string, unknown>[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const arr = JSON.parse(trimmed) as unknown;
      if (Array.isArray(arr)) return arr.filter(isObject);
    } catch (e) {
      throw new AppError("invalid:benchmark", `${benchmark}: not valid JSON (${(e as Error).message}).`);
    }
  }
  const out: Record<string, unknown>[] = [];
  trimmed.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const r = JSON.parse(line) as unknown;
      if (isObject(r)) out.push(r);
    } catch (e) {
      throw new AppError("invalid:benchmark", `${benchmark} line ${i + 1}: not valid JSON (${(e as Error).message}).`);
    }
  });
  return out;
}

function toItem(r: Record<string, unknown>, index: number, benchmark: string): BenchmarkItem | null {
  const str = (k: string) => (typeof r[k] === "string" && (r[k] as string).trim() !== "" ? (r[k] as string) : undefined);
  const idValue = r.task_id ?? r.name;
  const id = typeof idValue === "string" || typeof idValue === "number" ? String(idValue) : `#${index + 1}`;
  const prompt = str("prompt") ?? str("text");
  const solution = str("canonical_solution") ?? str("code") ?? str("completion");
  if (!prompt && !solution) return null;
  return { benchmark, id, prompt, solution };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
