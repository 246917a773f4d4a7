import "server-only";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";

/** The trainer/ package of this checkout, copied into each job directory (the code that ran stays with the job). */
export function trainerSourceDir(): string {
  const candidates = [path.resolve(import.meta.dirname ?? ".", "../../trainer"), path.resolve("trainer")];
  const found = candidates.find((d) => existsSync(path.join(d, "__main__.py")));
  if (!found) throw new Error(`trainer/ not found (looked in ${candidates.join(", ")})`);
  return found;
}

export function copyTrainer(dest: string): void {
  cpSync(trainerSourceDir(), dest, {
    recursive: true,
    filter: (src) => !src.includes("__pycache__") && !src.includes(`${path.sep}tests`) && !src.endsWith(".jsonl"),
  });
}
