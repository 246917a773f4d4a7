import "server-only";
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { AppError } from "@/lib/errors";

export interface ReadSourceOptions {
  signal?: AbortSignal;
  /** Refuse bodies larger than this (bytes); benchmark files are a few MB at most. */
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/** Reads a benchmark/result file from a local path or an http(s) URL; gunzips .gz bodies. */
export async function readSource(source: string, opts: ReadSourceOptions = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? 256 * 1024 * 1024;
  let bytes: Buffer;
  if (/^https?:\/\//i.test(source)) {
    let res: Response;
    try {
      res = await (opts.fetchImpl ?? fetch)(source, { signal: opts.signal });
    } catch (e) {
      throw new AppError("unavailable:benchmark", `Could not download ${source}.`, { cause: e });
    }
    if (!res.ok) throw new AppError("unavailable:benchmark", `Downloading ${source} failed with HTTP ${res.status}.`);
    bytes = Buffer.from(await res.arrayBuffer());
  } else {
    try {
      bytes = await readFile(source.replace(/^file:\/\//, ""));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new AppError("not_found:benchmark", `No file at ${source}.`);
      throw new AppError("invalid:benchmark", `Could not read ${source}.`, { cause: e });
    }
  }
  if (bytes.length > maxBytes) throw new AppError("too_large:benchmark", `${source} is larger than ${maxBytes} bytes.`);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (e) {
      throw new AppError("invalid:benchmark", `${source} is not a valid gzip file.`, { cause: e });
    }
  }
  return bytes.toString("utf8");
}
