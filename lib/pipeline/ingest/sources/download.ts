import "server-only";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";

export interface Downloaded {
  file: string;
  /** The last path segment of the URL ("repo.zip"), for naming and type detection. */
  name: string;
  cleanup: () => Promise<void>;
}

/**
 * Downloads an http(s) URL to a private temp folder, stopping as soon as `maxBytes` is passed
 * (a Content-Length over it is refused before reading the body).
 */
export async function downloadToTemp(url: string, maxBytes: number, tempRoot = os.tmpdir(), signal?: AbortSignal): Promise<Downloaded> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: "follow", signal });
  } catch (e) {
    throw new AppError("unavailable:download", `Could not download ${url}: ${(e as Error).message}`, { cause: e });
  }
  if (!res.ok || !res.body) throw new AppError("unavailable:download", `Could not download ${url}: HTTP ${res.status}`);
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new AppError("too_large:download", `${url} is ${declared} bytes, over the download limit of ${maxBytes} bytes; nothing was imported.`);
  }
  const dir = await fs.mkdtemp(path.join(/*turbopackIgnore: true*/ tempRoot, "xinstruct-dl-"));
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  const name = safeName(new URL(res.url || url).pathname);
  const file = path.join(dir, name);
  try {
    let size = 0;
    const out = createWriteStream(file);
    for await (const chunk of Readable.fromWeb(res.body as import("node:stream/web").ReadableStream<Uint8Array>)) {
      size += (chunk as Buffer).length;
      if (size > maxBytes)
        throw new AppError("too_large:download", `${url} is over the download limit of ${maxBytes} bytes; nothing was imported.`);
      if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (e) {
    await cleanup();
    if (e instanceof AppError) throw e;
    throw new AppError("unavailable:download", `Download of ${url} failed: ${(e as Error).message}`, { cause: e });
  }
  return { file, name, cleanup };
}

function safeName(pathname: string): string {
  const last = decodeURIComponent(pathname.split("/").filter(Boolean).pop() ?? "");
  const cleaned = last.replace(/[^\w.+-]/g, "_").replace(/^\.+/, "");
  return cleaned || "download";
}
