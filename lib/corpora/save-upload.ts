import "server-only";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { archiveMismatch } from "@/lib/pipeline/ingest/sources/sniff-archive";

const SNIFF_BYTES = 512;

export interface SavedUpload {
  /** The file, named after the uploaded one (its extension tells the reader what it is). */
  path: string;
  /** A private folder holding only this upload; removed after the ingest. */
  dir: string;
  /** The user's file name, cleaned. */
  name: string;
  bytes: number;
}

export interface SaveUploadOptions {
  /** Uploads go in a fresh folder under this one (e.g. <data dir>/uploads). */
  dir: string;
  filename: string;
  maxBytes: number;
  /** Content-Length as sent: fewer bytes arriving means the upload was cut short. */
  expectedBytes?: number;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** A file name safe to create: the last segment, odd characters replaced, length capped. */
export function safeUploadName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[^\w.+@-]+/g, "_").replace(/^\.+/, "").slice(-120);
  return cleaned || "upload";
}

/**
 * Streams a request body to a temp file under `dir`, never holding it in memory, and stops
 * as soon as `maxBytes` is passed. The first bytes are sniffed before any size policy: a file
 * named like an archive that is not one is refused as such (not as "too large"), then a
 * declared size over the limit is refused; an empty body is refused. On any failure the
 * partial file is removed.
 */
export async function saveUpload(body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array> | null, opts: SaveUploadOptions): Promise<SavedUpload> {
  const limit = `${(opts.maxBytes / 1024 / 1024).toFixed(0)} MiB`;
  const tooLarge = () => new AppError("too_large:upload", `The file is larger than the upload limit of ${limit}; add it from a server path instead.`);
  await fs.mkdir(opts.dir, { recursive: true });
  const dir = await fs.mkdtemp(path.join(opts.dir, "upload-"));
  const name = safeUploadName(opts.filename);
  const file = path.join(/*turbopackIgnore: true*/ dir, name);
  let bytes = 0;
  let head: Buffer | null = Buffer.alloc(0);
  // what the first bytes say comes before any size policy; null once checked
  const sniff = (): AppError | null => {
    const mismatch = archiveMismatch(name, head!);
    head = null;
    if (mismatch) return new AppError("invalid:archive", mismatch);
    return opts.expectedBytes !== undefined && opts.expectedBytes > opts.maxBytes ? tooLarge() : null;
  };
  try {
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (head) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          const refused = head.length >= SNIFF_BYTES ? sniff() : null;
          if (refused) return done(refused);
        }
        if (bytes > opts.maxBytes) done(tooLarge());
        else done(null, chunk);
      },
      flush(done) {
        done((head && bytes > 0 ? sniff() : null) ?? undefined);
      },
    });
    const source = body ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : Readable.from([]);
    await pipeline(source, counter, createWriteStream(file, { flags: "wx" }));
    if (bytes === 0) throw new AppError("invalid:upload", `${name} is empty: nothing was imported.`);
    if (opts.expectedBytes !== undefined && bytes !== opts.expectedBytes)
      throw new AppError("invalid:upload", `The upload was cut short: ${bytes} of ${opts.expectedBytes} bytes arrived. Nothing was imported; try again.`);
    return { path: file, dir, name, bytes };
  } catch (e) {
    await fs.rm(dir, { recursive: true, force: true });
    if (e instanceof AppError) throw e;
    throw new AppError("invalid:upload", `The upload did not complete (${(e as Error).message}). Nothing was imported.`, { cause: e });
  }
}
