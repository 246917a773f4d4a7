import "server-only";
import fs from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { archiveMismatch } from "@/lib/pipeline/ingest/sources/sniff-archive";
import { checkJsonlRecord } from "@/lib/pipeline/ingest/sources/jsonl-record";

const HEAD_BYTES = 64 * 1024;

/**
 * What can be told of a corpus file at once, before a corpus row or a job exists: it is empty,
 * it is named like an archive it is not, or (JSONL) its first record lacks what every line
 * needs. The ingest still checks every line; this only spares the user a failed corpus and the
 * wait for the worker. A folder or a URL is not checked here.
 */
export async function checkCorpusFile(file: string, name: string): Promise<void> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) return;
  if (stat.size === 0) throw new AppError("invalid:upload", `${name} is empty: nothing was imported.`);
  const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
  const fh = await fs.open(file, "r");
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  const mismatch = archiveMismatch(name, head);
  if (mismatch) throw new AppError("invalid:archive", mismatch);
  if (!/\.(jsonl|ndjson)$/i.test(name)) return;
  const lines = head.toString("utf8").split("\n");
  // only whole lines: the last one may be cut at HEAD_BYTES
  const whole = head.length === stat.size ? lines : lines.slice(0, -1);
  const i = whole.findIndex((l) => l.trim() !== "");
  if (i < 0) {
    if (head.length === stat.size) throw new AppError("invalid:upload", `${name} holds only blank lines: nothing was imported.`);
    return;
  }
  const checked = checkJsonlRecord(whole[i]);
  if ("problem" in checked) throw new AppError("invalid:upload", `${name} line ${i + 1}: ${checked.problem}. Nothing was imported.`);
}
