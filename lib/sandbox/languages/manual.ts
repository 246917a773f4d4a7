import { compileOutcome } from "@/lib/sandbox/languages/compile-outcome";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

/*
 * MultiPL-E has data for Julia and Swift but Debian 12 ships no toolchain for them: the sandbox
 * reports `unavailable:language` naming what to install. Both go under /usr/local, which the
 * sandbox sees (it binds /usr read-only).
 */
const JULIA = "/usr/local/julia/bin/julia";
const SWIFTC = "/usr/local/swift/usr/bin/swiftc";

/** MultiPL-E: `julia f.jl`, 5 s. */
export const julia: LanguageSpec = {
  id: "jl",
  name: "Julia",
  extension: "jl",
  requires: () => [{ path: JULIA, install: "Julia 1.8 or later from julialang.org (not in Debian 12), unpacked at /usr/local/julia" }],
  defaultLimits: { wallMs: 5_000, cpuMs: 5_000, memoryBytes: 4 * bytes.GiB },
  sourceFile: () => "main.jl",
  run: ({ sourceFile }) => ({ argv: [JULIA, sourceFile], env: { JULIA_DEPOT_PATH: "/tmp/julia" } }),
  syntaxError: /ParseError|syntax: /,
  outOfMemory: /OutOfMemoryError/,
};

/** MultiPL-E: `swiftc f.swift -o f && ./f` (45 s / 5 s). */
export const swift: LanguageSpec = {
  id: "swift",
  name: "Swift",
  extension: "swift",
  requires: () => [{ path: SWIFTC, install: "Swift 5.7 or later from swift.org (not in Debian 12; Debian's `swift` package is OpenStack Swift), unpacked at /usr/local/swift" }],
  defaultLimits: { wallMs: 5_000, cpuMs: 5_000, compileWallMs: 45_000 },
  sourceFile: () => "main.swift",
  compilerId: "swiftc",
  async compile(ctx) {
    const run = await ctx.jailed(ctx.dir, [SWIFTC, ctx.sourceFile, "-o", "main"], { limits: { memoryBytes: 4 * bytes.GiB, processes: 128 } });
    return compileOutcome(run, /out of memory|Cannot allocate memory/);
  },
  run: () => ({ argv: ["./main"] }),
  outOfMemory: /out of memory/,
};
