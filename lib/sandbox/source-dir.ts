import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the sandbox's own source files (compile servers, reaper.c). Under tsx (CLI,
 * worker) it is this module's folder; inside Next's server bundle modules live in .next chunks,
 * so it is found from the project root (the server's working directory) instead.
 */
export function sandboxSourceDir(): string {
  const candidates: string[] = [];
  const url = import.meta.url;
  if (url.startsWith("file:")) candidates.push(path.dirname(fileURLToPath(url)));
  candidates.push(path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "sandbox"));
  return candidates.find((d) => existsSync(path.join(d, "compile", "servers"))) ?? candidates[candidates.length - 1];
}

/** The typescript package used to type-check TS programs, resolved the same way. */
export function typescriptDir(): string {
  const root = path.resolve(sandboxSourceDir(), "..", "..");
  return path.dirname(createRequire(path.join(root, "package.json")).resolve("typescript/package.json"));
}
