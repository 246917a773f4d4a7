import "server-only";
import { mkdir, open, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";

export const UID_BLOCK_SIZE = 256;

/**
 * Claims a block of sandbox uids for this process, so that two processes with pools (the
 * worker and a CLI run) never share a uid and with it RLIMIT_NPROC. A block is a lock file
 * holding the owner's pid; a block whose owner died is taken over.
 */
export async function claimUidBlock(lockDir: string, firstUid: number, blocks = 64): Promise<{ base: number; release: () => Promise<void> }> {
  await mkdir(lockDir, { recursive: true, mode: 0o700 });
  for (let block = 0; block < blocks; block++) {
    const file = path.join(lockDir, `block-${block}`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(file, "wx", 0o600);
        await handle.writeFile(String(process.pid));
        await handle.close();
        return { base: firstUid + block * UID_BLOCK_SIZE, release: () => unlink(file).catch(() => {}) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const owner = Number((await readFile(file, "utf8").catch(() => "")).trim());
        if (owner > 0 && isAlive(owner)) break;
        await unlink(file).catch(() => {});
      }
    }
  }
  throw new AppError("unavailable:sandbox", "No free block of sandbox uids: too many processes are running sandboxes.");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
