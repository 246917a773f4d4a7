import "server-only";
import { capture } from "@/lib/training/process";

const cache = new Map<string, string>();

/**
 * The interpreter for local runs: the configured one when it has torch, else Debian's
 * /usr/bin/python3 (python3-torch) when a PATH python (pyenv, a venv) shadows it without torch.
 */
export async function resolveLocalPython(configured: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const hit = cache.get(configured);
  if (hit) return hit;
  const candidates = configured === "python3" ? [configured, "/usr/bin/python3"] : [configured];
  for (const py of candidates) {
    const r = await capture([py, "-c", "import torch"], { env, timeoutMs: 60_000 });
    if (r.code === 0) {
      cache.set(configured, py);
      return py;
    }
  }
  return configured; // the trainer's own import error then says what is missing
}
