import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import type { Budget } from "../limits";
import type { SourceItem } from "../types";
import { readFolder, readSingleFile } from "./folder";
import { readGitHead } from "./git";
import { readJsonl } from "./jsonl";
import { archiveMismatch, sniffHead } from "./sniff-archive";
import { readTar } from "./tar";
import { readZip } from "./zip";

export type SourceKind = "file" | "folder" | "zip" | "tar" | "tar.gz" | "jsonl" | "git";

/**
 * Picks the reader for a local path. A folder with a `.git` inside is read as a git repository
 * (files tracked at HEAD) unless `kind` says "folder"; files are recognised by magic bytes
 * (zip, gzip, tar) and by the .jsonl/.ndjson extension; a name that claims an archive the
 * bytes are not (random bytes named .tar.gz) is refused as not a valid archive.
 */
export async function detectKind(target: string, displayName = target): Promise<SourceKind> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    throw new AppError("not_found:source", `${displayName} does not exist or cannot be read.`);
  }
  if (stat.isDirectory()) {
    const hasGit = await fs.stat(path.join(target, ".git")).then(() => true, () => false);
    return hasGit ? "git" : "folder";
  }
  if (!stat.isFile()) throw new AppError("invalid:upload", `${displayName} is not a regular file or folder.`);
  if (stat.size === 0) throw new AppError("invalid:upload", `${displayName} is empty: nothing was imported.`);
  const head = Buffer.alloc(512);
  const fh = await fs.open(target, "r");
  try {
    await fh.read(head, 0, 512, 0);
  } finally {
    await fh.close();
  }
  const mismatch = archiveMismatch(displayName, head.subarray(0, Math.min(512, stat.size)));
  if (mismatch) throw new AppError("invalid:archive", mismatch);
  const sniffed = sniffHead(head.subarray(0, Math.min(512, stat.size)));
  if (sniffed === "zip") return "zip";
  if (sniffed === "gzip") return "tar.gz";
  if (sniffed === "tar") return "tar";
  if (/\.(jsonl|ndjson)$/i.test(displayName)) return "jsonl";
  return "file";
}

export function readSource(kind: SourceKind, target: string, name: string, budget: Budget): AsyncGenerator<SourceItem> {
  switch (kind) {
    case "folder":
      return readFolder(target, budget);
    case "git":
      return readGitHead(target, name, budget);
    case "zip":
      return readZip(target, name, budget);
    case "tar":
      return readTar(target, name, false, budget);
    case "tar.gz":
      return readTar(target, name, true, budget);
    case "jsonl":
      return readJsonl(target, name, budget);
    case "file":
      return readSingleFile(target, name, budget);
  }
}
