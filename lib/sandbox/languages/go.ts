import "server-only";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { compileOutcome } from "@/lib/sandbox/languages/compile-outcome";
import type { CompileContext, LanguageSpec } from "@/lib/sandbox/languages/language-spec";
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
    // `go test` vets the program, and vetting needs facts about every imported package: computed
    // once per pool into a read-only seed of Go's build cache that each compilation copies (≈ 4 s less each).
    const seed = await ctx.shared("cache-seed", () => buildCacheSeed(ctx)).catch(() => null);
    const argv = [GO, "test", "-c", "-o", "main.test", ctx.sourceFile];
    const run = await ctx.jailed(ctx.dir, seed ? ["/bin/sh", "-c", `cp -R /seed /tmp/go-cache && exec "$@"`, "go", ...argv] : argv, {
      binds: seed ? [{ host: seed, inside: "/seed" }] : [],
      env: GO_ENV,
      limits: { memoryBytes: 8 * bytes.GiB, processes: 256, fileSizeBytes: 256 * bytes.MiB, openFiles: 1024, tmpBytes: 512 * bytes.MiB },
    });
    return compileOutcome(run, OUT_OF_MEMORY);
  },
  run: () => ({ argv: ["./main.test"], env: { GOMAXPROCS: "2" } }),
  failed: (run) => run.exitCode !== 0 || /\bFAIL\b|\[build failed\]|\[setup failed\]/.test(run.stdout),
  outOfMemory: OUT_OF_MEMORY,
};

/** Standard packages MultiPL-E's Go problems import. */
const SEED_IMPORTS = ["fmt", "math", "sort", "strconv", "strings", "testing", "reflect", "unicode", "bytes", "math/big", "crypto/md5", "encoding/hex"];

function buildCacheSeed(ctx: CompileContext): Promise<string> {
  return (async () => {
    const dir = await ctx.stateDir("cache-seed");
    const uses = SEED_IMPORTS.filter((p) => p !== "testing").map((p) => `var _ = ${SEED_USES[p]}`);
    const source = `package seed_test\n\nimport (\n${SEED_IMPORTS.map((p) => `\t"${p}"`).join("\n")}\n)\n\n${uses.join("\n")}\n\nfunc TestSeed(t *testing.T) {}\n`;
    await writeFile(path.join(dir, "seed_test.go"), source);
    const built = await ctx.jailed(dir, [GO, "test", "-c", "-o", "/tmp/seed.test", "seed_test.go"], {
      env: { ...GO_ENV, GOCACHE: "/work/cache" },
      limits: { memoryBytes: 8 * bytes.GiB, processes: 256, fileSizeBytes: 256 * bytes.MiB, openFiles: 1024, tmpBytes: 512 * bytes.MiB },
    });
    if (built.exitCode !== 0) throw new Error(`seeding Go's build cache failed: ${built.stderr || built.stdout}`);
    return path.join(dir, "cache");
  })();
}

const SEED_USES: Record<string, string> = {
  fmt: "fmt.Sprint", math: "math.Abs", sort: "sort.Ints", strconv: "strconv.Itoa", strings: "strings.Split", reflect: "reflect.DeepEqual",
  unicode: "unicode.IsUpper", bytes: "bytes.Equal", "math/big": "big.NewInt", "crypto/md5": "md5.Sum", "encoding/hex": "hex.EncodeToString",
};
