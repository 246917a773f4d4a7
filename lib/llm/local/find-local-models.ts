import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { LocalModelFile } from "@/lib/domain/local-model-offer";
import { env } from "@/lib/env";
import { checkGgufFile } from "./gguf-file";

/**
 * The GGUF models a user put in `$DATA_DIR/models` (files named *.gguf that really are GGUF),
 * by name. New runs offer them before the demo model; Settings suggests them.
 */
export function localModelsDir(): string {
  return path.join(env().dataDir, "models");
}

export async function findLocalModels(dir = localModelsDir()): Promise<LocalModelFile[]> {
  const names = await readdir(/*turbopackIgnore: true*/ dir).catch(() => [] as string[]);
  const found: LocalModelFile[] = [];
  // a split model is one model, loaded from its first part
  const laterPart = (n: string) => /-\d{5}-of-\d{5}\.gguf$/i.test(n) && !/-00001-of-\d{5}\.gguf$/i.test(n);
  for (const n of names.filter((n) => n.toLowerCase().endsWith(".gguf") && !laterPart(n)).sort()) {
    const file = await checkGgufFile(path.join(dir, n)).catch(() => null);
    if (file) found.push({ path: file.path, name: n.slice(0, -".gguf".length) });
  }
  return found;
}
