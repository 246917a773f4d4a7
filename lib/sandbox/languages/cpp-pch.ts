import "server-only";
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type { CompileContext } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

export const CPP_FLAGS = ["-std=c++17"];

/**
 * Precompiled headers for the include blocks programs start with. A block gets one once it has
 * been seen `threshold` times (runMany announces a whole batch up front), since building one
 * costs about as much as three plain compilations.
 */
export class PchStore {
  private readonly seen = new Map<string, number>();
  private readonly built = new Map<string, Promise<string | null>>();

  constructor(private readonly threshold = 3) {}

  announce(block: string): void {
    this.seen.set(block, (this.seen.get(block) ?? 0) + 1);
  }

  /** Host directory holding prelude.h and prelude.h.gch, or null when not worth it or failed. */
  async forBlock(block: string, ctx: CompileContext): Promise<string | null> {
    const existing = this.built.get(block);
    if (existing) return existing;
    if ((this.seen.get(block) ?? 0) < this.threshold) return null;
    const promise = this.build(block, ctx);
    this.built.set(block, promise);
    return promise;
  }

  private async build(block: string, ctx: CompileContext): Promise<string | null> {
    const hash = createHash("sha256").update(CPP_FLAGS.join(" ")).update(block).digest("hex").slice(0, 24);
    const dir = await ctx.stateDir(`pch-${hash}`);
    await writeFile(`${dir}/prelude.h`, block);
    const result = await ctx.jailed(dir, ["/usr/bin/g++", ...CPP_FLAGS, "-x", "c++-header", "prelude.h", "-o", "prelude.h.gch"], {
      limits: { fileSizeBytes: 512 * bytes.MiB, memoryBytes: 4 * bytes.GiB, compileWallMs: 120_000 },
    });
    return result.exitCode === 0 && !result.wallExceeded ? dir : null;
  }
}
