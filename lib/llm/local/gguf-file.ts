import "server-only";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * Checks that a model path names a GGUF file before anything tries to load it: it exists, is
 * a regular file, and starts with the GGUF magic bytes. Relative paths are resolved from the
 * working directory. The error says which of these failed, in words.
 */

const MAGIC = Buffer.from("GGUF", "ascii");

export interface GgufFile {
  path: string;
  sizeBytes: number;
}

export async function checkGgufFile(modelPath: string): Promise<GgufFile> {
  const resolved = path.resolve(modelPath);
  const info = await stat(resolved).catch(() => null);
  if (!info) throw new AppError("invalid:model-path", `No file at ${resolved}: give the path of a .gguf model file (for example data/models/qwen2.5-coder-7b-instruct-q4_k_m.gguf).`);
  if (!info.isFile()) throw new AppError("invalid:model-path", `${resolved} is ${info.isDirectory() ? "a directory" : "not a regular file"}: give the path of a .gguf model file.`);
  const head = Buffer.alloc(4);
  const file = await open(resolved, "r").catch((e: NodeJS.ErrnoException) => {
    throw new AppError("invalid:model-path", `Cannot read ${resolved} (${e.code ?? e.message}).`);
  });
  try {
    await file.read(head, 0, 4, 0);
  } finally {
    await file.close();
  }
  if (!head.equals(MAGIC)) throw new AppError("invalid:model-path", `${resolved} is not a GGUF model file (it does not start with the GGUF magic bytes). Convert the model to GGUF, or download a GGUF build of it.`);
  return { path: resolved, sizeBytes: info.size };
}
