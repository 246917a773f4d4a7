import "server-only";
import { compileOutcome } from "@/lib/sandbox/languages/compile-outcome";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

/** Debian's rustc (a rustup one on the host's PATH is never used: CI's machine has only this). */
const RUSTC = "/usr/bin/rustc";
const OUT_OF_MEMORY = /memory allocation of \d+ bytes failed|out of memory|Cannot allocate memory/;

/** MultiPL-E: `rustc f.rs -o f && ./f`, the run 5 s (debug build: overflow checks panic). */
export const rust: LanguageSpec = {
  id: "rs",
  name: "Rust",
  extension: "rs",
  requires: () => [{ path: RUSTC, install: "apt package rustc" }],
  defaultLimits: { wallMs: 5_000, cpuMs: 5_000 },
  sourceFile: () => "main.rs",
  compilerId: "rustc1.63",
  async compile(ctx) {
    const run = await ctx.jailed(ctx.dir, [RUSTC, ctx.sourceFile, "-o", "main"], {
      limits: { memoryBytes: 4 * bytes.GiB, processes: 128, fileSizeBytes: 256 * bytes.MiB, openFiles: 1024 },
    });
    return compileOutcome(run, OUT_OF_MEMORY);
  },
  run: () => ({ argv: ["./main"] }),
  outOfMemory: OUT_OF_MEMORY,
};
