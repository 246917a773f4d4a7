import "server-only";
import { compileOutcome } from "@/lib/sandbox/languages/compile-outcome";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

const GO = "/usr/lib/go-1.19/bin/go";
const OUT_OF_MEMORY = /fatal error: runtime: out of memory|runtime: cannot allocate memory|Cannot allocate memory/;
/** Go's build cache and module settings, inside the jail (a program outside any module, as MultiPL-E runs it). */
const GO_ENV = { GOCACHE: "/tmp/go-cache", GOPATH: "/tmp/go", GO111MODULE: "off", GOFLAGS: "" };

/**
 * MultiPL-E: `go test f_test.go`, 30 s; a pass is output without `FAIL`, `[build failed]` or
 * `[setup failed]`. Here the test binary is built (`go test -c`, cached like every compilation)
 * and run; it exits non-zero and prints `FAIL` when a test fails.
 */
export const go: LanguageSpec = {
  id: "go",
  name: "Go",
  extension: "go",
  requires: () => [{ path: GO, install: "apt package golang-go" }],
  // The Go runtime reserves address space for its heap arenas up front.
  defaultLimits: { wallMs: 30_000, cpuMs: 30_000, memoryBytes: 4 * bytes.GiB },
  // `go test` wants the file to be a test file.
  sourceFile: () => "main_test.go",
  compilerId: "go1.19 test -c",
  async compile(ctx) {
    const run = await ctx.jailed(ctx.dir, [GO, "test", "-c", "-o", "main.test", ctx.sourceFile], {
      env: GO_ENV,
      limits: { memoryBytes: 8 * bytes.GiB, processes: 256, fileSizeBytes: 256 * bytes.MiB, openFiles: 1024, tmpBytes: 512 * bytes.MiB },
    });
    return compileOutcome(run, OUT_OF_MEMORY);
  },
  run: () => ({ argv: ["./main.test"], env: { GOMAXPROCS: "2" } }),
  failed: (run) => run.exitCode !== 0 || /\bFAIL\b|\[build failed\]|\[setup failed\]/.test(run.stdout),
  outOfMemory: OUT_OF_MEMORY,
};
