import "server-only";
import { compileOutcome } from "@/lib/sandbox/languages/compile-outcome";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { bytes } from "@/lib/sandbox/limits";

const JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
const JVM_CONFIG = "/etc/java-17-openjdk";
const LIB = "/usr/share/scala-2.11/lib";
const COMPILER_CLASSPATH = ["scala-compiler.jar", "scala-library.jar", "scala-reflect.jar", "scala-xml.jar"].map((jar) => `${LIB}/${jar}`).join(":");
const OUT_OF_MEMORY = /java\.lang\.OutOfMemoryError|Could not reserve enough space|Cannot allocate memory/;
const JVM_FLAGS = ["-XX:+UseSerialGC", "-XX:CompressedClassSpaceSize=256m", "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1"];

/**
 * MultiPL-E: `scalac -d DIR f.scala && scala -cp DIR Problem` (45 s / 15 s), a pass also needs an
 * empty stderr. Debian's scalac and scala are shell scripts around the JVM; the same classes are
 * started here directly (the compiler's Main, then the program with the Scala library).
 */
export const scala: LanguageSpec = {
  id: "scala",
  name: "Scala",
  extension: "scala",
  requires: () => [
    { path: JAVA, install: "apt package openjdk-17-jdk-headless" },
    { path: `${LIB}/scala-compiler.jar`, install: "apt package scala" },
  ],
  defaultLimits: { memoryBytes: 4 * bytes.GiB, processes: 128, compileWallMs: 45_000 },
  systemPaths: [JVM_CONFIG],
  sourceFile: () => "main.scala",
  compilerId: "scalac2.11.12",
  async compile(ctx) {
    const run = await ctx.jailed(ctx.dir, [JAVA, "-Xmx1g", "-Xss4m", ...JVM_FLAGS, "-cp", COMPILER_CLASSPATH, "-Dscala.usejavacp=true", "scala.tools.nsc.Main", "-d", "/work", ctx.sourceFile], {
      limits: { memoryBytes: 6 * bytes.GiB, processes: 256, fileSizeBytes: 64 * bytes.MiB, openFiles: 4096 },
    });
    return compileOutcome(run, OUT_OF_MEMORY, { mainObject: scalaMainObject(ctx.program) });
  },
  run: ({ limits, facts }) => ({
    argv: [JAVA, `-Xmx${Math.max(64, Math.floor(limits.memoryBytes / 4 / bytes.MiB))}m`, ...JVM_FLAGS, "-cp", `/work:${LIB}/scala-library.jar`, facts.mainObject ?? "Problem"],
  }),
  failed: (run) => run.exitCode !== 0 || run.stderr.length > 0,
  outOfMemory: OUT_OF_MEMORY,
};

/** The (top-level, package-less) object whose body declares `def main`; MultiPL-E's is `Problem`. */
export function scalaMainObject(program: string): string {
  const main = program.search(/\bdef\s+main\s*\(/);
  let name = "Problem";
  if (main < 0) return name;
  for (const m of program.slice(0, main).matchAll(/^\s*object\s+([A-Za-z_]\w*)/gm)) name = m[1];
  return name;
}
