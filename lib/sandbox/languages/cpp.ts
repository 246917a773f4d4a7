import "server-only";
import { compileOutcome } from "@/lib/sandbox/languages/compile-outcome";
import { leadingSystemIncludes } from "@/lib/sandbox/languages/cpp-prelude";
import { CPP_FLAGS, PchStore } from "@/lib/sandbox/languages/cpp-pch";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

/** MultiPL-E: `g++ -std=c++17 f.cpp -o f && ./f`, with a precompiled header for the prelude. */
export const cpp: LanguageSpec = {
  id: "cpp",
  name: "C++",
  extension: "cpp",
  requires: () => [{ path: "/usr/bin/g++", install: "apt package g++" }],
  defaultLimits: {},
  sourceFile: () => "main.cpp",
  compilerId: `g++ ${CPP_FLAGS.join(" ")}`,
  planBatch(programs, shared) {
    const store = shared("pch", () => new PchStore());
    for (const program of programs) {
      const block = leadingSystemIncludes(program);
      if (block) store.announce(block);
    }
  },
  async compile(ctx) {
    const store = ctx.shared("pch", () => new PchStore());
    const block = leadingSystemIncludes(ctx.program);
    if (block) store.announce(block);
    const pchDir = block ? await store.forBlock(block, ctx) : null;
    const pchArgs = pchDir ? ["-include", "/pch/prelude.h"] : [];
    const run = await ctx.jailed(ctx.dir, ["/usr/bin/g++", ...CPP_FLAGS, ...pchArgs, ctx.sourceFile, "-o", "main"], {
      binds: pchDir ? [{ host: pchDir, inside: "/pch" }] : [],
      limits: { memoryBytes: 4 * bytes.GiB, fileSizeBytes: 256 * bytes.MiB },
    });
    return compileOutcome(run, /virtual memory exhausted|out of memory|Cannot allocate memory/);
  },
  run: () => ({ argv: ["./main"] }),
  outOfMemory: /std::bad_alloc/,
};
