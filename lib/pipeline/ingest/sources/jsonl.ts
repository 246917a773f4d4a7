import "server-only";
import { createReadStream } from "node:fs";
import { tooLargeMessage, type Budget } from "../limits";
import type { SourceItem } from "../types";
import { checkJsonlRecord } from "./jsonl-record";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a JSONL dump, one snippet per line: {"content": string, "language"?: string,
 * "path"?: string}. Lines are split on raw bytes so a line over the per-file cap is skipped
 * without being held in memory; bad lines are skipped with their line number.
 */
export async function* readJsonl(file: string, name: string, budget: Budget): AsyncGenerator<SourceItem> {
  const max = budget.limits.maxFileBytes;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overflow = false;
  let lineNo = 0;

  const finishLine = function* (): Generator<SourceItem> {
    lineNo++;
    const line = overflow ? null : Buffer.concat(parts, partBytes);
    const size = partBytes;
    parts = [];
    partBytes = 0;
    if (!overflow && line!.toString("latin1").trim() === "") return;
    budget.addFile();
    if (overflow) {
      overflow = false;
      yield { kind: "skip", path: `${name}:${lineNo}`, reason: "too_large", message: tooLargeMessage(`${name} line ${lineNo}`, size, max) };
      return;
    }
    yield parseLine(line!, name, lineNo);
  };

  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    budget.addBytes(chunk.length);
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      append(chunk.subarray(from, nl));
      yield* finishLine();
      from = nl + 1;
    }
    append(chunk.subarray(from));
  }
  if (partBytes > 0) yield* finishLine();

  function append(b: Buffer) {
    partBytes += b.length;
    if (partBytes > max) overflow = true;
    if (!overflow && b.length > 0) parts.push(b);
    if (overflow) parts = [];
  }
}

function parseLine(line: Buffer, name: string, lineNo: number): SourceItem {
  const where = `${name} line ${lineNo}`;
  const bad = (message: string): SourceItem => ({ kind: "skip", path: `${name}:${lineNo}`, reason: "malformed_jsonl", message: `${where}: ${message}` });
  let text: string;
  try {
    text = utf8.decode(line);
  } catch {
    return { kind: "skip", path: `${name}:${lineNo}`, reason: "not_utf8", message: `${where}: not valid UTF-8` };
  }
  const checked = checkJsonlRecord(text);
  if ("problem" in checked) return bad(checked.problem);
  const r = checked.record;
  const hasPath = typeof r.path === "string" && r.path.trim() !== "";
  return {
    kind: "file",
    path: hasPath ? (r.path as string) : `${name}:${lineNo}`,
    pathIsLabel: !hasPath,
    text: r.content as string,
    declaredLanguage: typeof r.language === "string" ? r.language : undefined,
  };
}
