import "server-only";
import { compileOutcome } from "@/lib/sandbox/languages/compile-outcome";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

const LDC2 = "/usr/bin/ldc2";
const OUT_OF_MEMORY = /core\.exception\.OutOfMemoryError|out of memory|Cannot allocate memory/;

/**
 * MultiPL-E: `rdmd -unittest -main f.d`, 15 s (dmd is not in Debian 12: LDC here). The tests are a
 * `unittest` block followed by `void main(){}`; the unittests run before main and a failed assert exits 1.
 */
export const d: LanguageSpec = {
  id: "d",
  name: "D",
  extension: "d",
  requires: () => [{ path: LDC2, install: "apt package ldc" }],
  defaultLimits: {},
  systemPaths: ["/etc/ldc2.conf"],
  sourceFile: () => "main.d",
  compilerId: "ldc2-1.30 -unittest",
  async compile(ctx) {
    const run = await ctx.jailed(ctx.dir, [LDC2, "-unittest", ctx.sourceFile, "-of=main"], {
      limits: { memoryBytes: 4 * bytes.GiB, processes: 128, fileSizeBytes: 256 * bytes.MiB, openFiles: 1024 },
    });
    return compileOutcome(run, OUT_OF_MEMORY);
  },
  run: () => ({ argv: ["./main"] }),
  outOfMemory: OUT_OF_MEMORY,
};
