import "server-only";
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { Parser, type ReadEntry } from "tar";
import { AppError } from "@/lib/errors";
import { tooLargeMessage, type Budget } from "../limits";
import type { SourceItem } from "../types";
import { safeEntryPath } from "./entry-path";

const FILE_TYPES = new Set(["File", "OldFile", "ContiguousFile"]);

/**
 * Reads a .tar or .tar.gz. Decompression is counted as it streams: the whole archive's ratio
 * and size are enforced on the bytes gunzip actually produced. Entry names are validated
 * here; links and special files are skipped, never created.
 */
export async function* readTar(file: string, name: string, gzipped: boolean, budget: Budget): AsyncGenerator<SourceItem> {
  const pending: SourceItem[] = [];
  let fatal: unknown = null;
  let badArchive: string | null = null;
  let entries = 0;
  const parser = new Parser({ strict: false });
  parser.on("warn", (code: string, message: string | Error) => {
    if (code === "TAR_BAD_ARCHIVE" || code === "TAR_ABORT") badArchive = String(message instanceof Error ? message.message : message);
  });
  parser.on("entry", (entry: ReadEntry) => {
    try {
      entries++;
      onEntry(entry, budget, pending);
    } catch (e) {
      fatal ??= e;
      entry.resume();
    }
  });

  let compressed = 0;
  let expanded = 0;
  let onlyZeros = true; // an empty tar is all zero blocks: empty, not damaged
  const input = createReadStream(file);
  input.on("data", (c) => (compressed += c.length));
  const stream = gzipped ? input.pipe(createGunzip()) : input;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      expanded += chunk.length;
      if (gzipped) budget.checkRatio(name, expanded, compressed);
      budget.addBytes(chunk.length); // the whole expanded stream counts, skipped entries too
      if (onlyZeros && entries === 0) onlyZeros = chunk.every((b) => b === 0);
      parser.write(chunk);
      if (fatal) throw fatal;
      yield* pending.splice(0);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("invalid:archive", `${name} is not a readable ${gzipped ? "tar.gz" : "tar"} archive: ${(e as Error).message}`, { cause: e });
  } finally {
    input.destroy(); // also when the consumer stops early
  }
  parser.end();
  if (fatal) throw fatal;
  if (badArchive && entries === 0 && !onlyZeros) throw new AppError("invalid:archive", `${name} is not a readable tar archive: ${badArchive}`);
  yield* pending.splice(0);
}

function onEntry(entry: ReadEntry, budget: Budget, out: SourceItem[]): void {
  if (entry.type === "Directory") return void entry.resume();
  budget.addFile();
  const entryPath = safeEntryPath(entry.path);
  const shown = entryPath ?? entry.path;
  const skip = (reason: "unsafe_path" | "symlink" | "special_file" | "too_large", message: string) => {
    out.push({ kind: "skip", path: shown, reason, message });
    entry.resume();
  };
  if (entryPath === null) return skip("unsafe_path", `${entry.path}: unsafe entry path (absolute or with ".."), not extracted`);
  if (entry.type === "SymbolicLink" || entry.type === "Link")
    return skip("symlink", `${entryPath}: ${entry.type === "Link" ? "hard" : "symbolic"} link to ${entry.linkpath ?? "?"}, not followed`);
  if (!FILE_TYPES.has(entry.type)) return skip("special_file", `${entryPath}: not a regular file (${entry.type})`);
  // A tar entry's data is exactly its header size long, so the header is trustworthy here.
  if (entry.size > budget.limits.maxFileBytes) return skip("too_large", tooLargeMessage(entryPath, entry.size, budget.limits.maxFileBytes));
  const chunks: Buffer[] = [];
  entry.on("data", (c: Buffer) => chunks.push(c));
  entry.on("end", () => out.push({ kind: "file", path: entryPath, data: Buffer.concat(chunks) }));
}
