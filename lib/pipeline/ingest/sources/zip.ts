import "server-only";
import fs from "node:fs/promises";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { AppError } from "@/lib/errors";
import { tooLargeMessage, type Budget } from "../limits";
import type { SourceItem } from "../types";
import { safeEntryPath } from "./entry-path";

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;

/**
 * Reads a .zip entry by entry. Names are validated here (yauzl would abort the whole archive
 * on a bad one); sizes are enforced on the bytes actually inflated, never on header values,
 * and yauzl additionally checks that the inflated size matches the header.
 */
export async function* readZip(file: string, name: string, budget: Budget): AsyncGenerator<SourceItem> {
  const archiveBytes = (await fs.stat(file)).size;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true });
  } catch (e) {
    throw new AppError("invalid:archive", `${name} is not a readable zip archive: ${(e as Error).message}`, { cause: e });
  }
  let inflated = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const rawName = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (rawName.endsWith("/")) continue; // a directory
      budget.addFile();
      const entryPath = safeEntryPath(rawName);
      if (entryPath === null) {
        yield { kind: "skip", path: rawName, reason: "unsafe_path", message: `${rawName}: unsafe entry path (absolute or with ".."), not extracted` };
        continue;
      }
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (mode === S_IFLNK) {
        yield { kind: "skip", path: entryPath, reason: "symlink", message: `${entryPath}: symbolic link, not followed` };
        continue;
      }
      if (mode !== 0 && mode !== S_IFREG) {
        yield { kind: "skip", path: entryPath, reason: "special_file", message: `${entryPath}: not a regular file` };
        continue;
      }
      if (entry.isEncrypted()) {
        yield { kind: "skip", path: entryPath, reason: "encrypted", message: `${entryPath}: encrypted entry` };
        continue;
      }
      if (!entry.canDecodeFileData()) {
        yield { kind: "skip", path: entryPath, reason: "unreadable", message: `${entryPath}: unsupported compression method ${entry.compressionMethod}` };
        continue;
      }
      if (entry.uncompressedSize > budget.limits.maxFileBytes) {
        yield { kind: "skip", path: entryPath, reason: "too_large", message: tooLargeMessage(entryPath, entry.uncompressedSize, budget.limits.maxFileBytes) };
        continue;
      }
      const data = await readEntry(zip, entry, entryPath, budget, (n) => {
        inflated += n;
        budget.checkRatio(name, inflated, archiveBytes);
      });
      if (data === null) {
        yield { kind: "skip", path: entryPath, reason: "too_large", message: `${entryPath}: inflates past the per-file limit of ${budget.limits.maxFileBytes} bytes` };
        continue;
      }
      yield { kind: "file", path: entryPath, data };
    }
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    const onEntry = (e: yauzl.Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (err: Error) => (cleanup(), reject(new AppError("invalid:archive", `The zip archive is damaged: ${err.message}`, { cause: err })));
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}

/** Inflates one entry, counting bytes as they come; null if it passes the per-file cap. */
async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  entryPath: string,
  budget: Budget,
  onBytes: (n: number) => void,
): Promise<Buffer | null> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw new AppError("invalid:archive", `${entryPath}: cannot be read from the archive: ${(e as Error).message}`, { cause: e });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      onBytes(chunk.length);
      budget.checkRatio(entryPath, size, entry.compressedSize);
      budget.addBytes(chunk.length);
      if (size > budget.limits.maxFileBytes) {
        stream.destroy();
        return null;
      }
      chunks.push(chunk);
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof AppError) throw e;
    const message = (e as Error).message;
    // yauzl stops an entry that inflates past the size its header declares.
    if (/too many bytes in the stream/.test(message))
      throw new AppError(
        "too_large:archive",
        `${entryPath} inflates past the ${entry.uncompressedSize} bytes its header declares: a forged archive or a zip bomb; nothing was imported.`,
        { cause: e },
      );
    throw new AppError("invalid:archive", `${entryPath}: the archive entry is damaged: ${message}`, { cause: e });
  }
  return Buffer.concat(chunks, size);
}
