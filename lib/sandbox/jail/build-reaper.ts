import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";
import { sandboxSourceDir } from "@/lib/sandbox/source-dir";
import { promisify } from "node:util";

/**
 * Compiles reaper.c with the system C compiler into `dir`. Without a compiler the jail runs
 * without it: correct, but bwrap's unreaped pid 1 then waits for the system init as a zombie.
 */
export async function buildReaper(dir: string): Promise<string | null> {
  const source = path.join(sandboxSourceDir(), "jail", "reaper.c");
  const output = path.join(dir, "reaper");
  try {
    await promisify(execFile)("/usr/bin/cc", ["-O2", "-o", output, source], { env: { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv });
    return output;
  } catch {
    return null;
  }
}
