import "server-only";
import { javaSourceFacts } from "@/lib/sandbox/languages/java-source";
import type { CompileServerSpec, LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { serverOutcome } from "@/lib/sandbox/languages/server-outcome";
import { bytes } from "@/lib/sandbox/limits";

const JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
const JAVAC = "/usr/lib/jvm/java-17-openjdk-amd64/bin/javac";
const JVM_CONFIG = "/etc/java-17-openjdk";
const OUT_OF_MEMORY = /java\.lang\.OutOfMemoryError|Could not reserve enough space|Cannot allocate memory/;

const javacServer: CompileServerSpec = {
  name: "javac",
  limits: { cpuMs: 3_600_000, memoryBytes: 6 * bytes.GiB, processes: 256, fileSizeBytes: 64 * bytes.MiB, openFiles: 4096, tmpBytes: 64 * bytes.MiB },
  async prepare(tools) {
    const dir = await tools.stateDir("javac-server");
    const built = await tools.jailed(dir, [JAVAC, "-d", "/work", "/src/JavacServer.java"], {
      binds: [{ host: tools.paths.serverSourcesDir, inside: "/src" }, { host: JVM_CONFIG, inside: JVM_CONFIG }],
      limits: { memoryBytes: 6 * bytes.GiB, processes: 256, openFiles: 4096 },
    });
    if (built.exitCode !== 0) throw new Error(`building the javac server failed: ${built.stderr || built.stdout}`);
    return {
      argv: [JAVA, "-Xmx1g", "-XX:+UseSerialGC", "-XX:CompressedClassSpaceSize=256m", "-cp", "/server", "JavacServer"],
      binds: [{ host: dir, inside: "/server" }, { host: JVM_CONFIG, inside: JVM_CONFIG }],
    };
  },
};

/** MultiPL-E: `javac -d DIR f.java && java -ea -cp DIR Problem`, compiled in a warm javac. */
export const java: LanguageSpec = {
  id: "java",
  name: "Java",
  extension: "java",
  requires: (paths) => [
    { path: JAVA, install: "apt package openjdk-17-jdk-headless" },
    { path: JAVAC, install: "apt package openjdk-17-jdk-headless" },
    { path: paths.javatuplesJar, install: "apt package libjavatuples-java" },
  ],
  // The JVM reserves heap, class space and code cache up front.
  defaultLimits: { memoryBytes: 4 * bytes.GiB, processes: 128 },
  systemPaths: [JVM_CONFIG],
  sourceFile: (program) => `${javaSourceFacts(program).publicClass ?? "Main"}.java`,
  compilerId: "javac17 -cp javatuples",
  compileServer: javacServer,
  async compile(ctx) {
    const facts = javaSourceFacts(ctx.program);
    const className = facts.mainClass ?? facts.publicClass ?? "Main";
    const mainClass = facts.packageName ? `${facts.packageName}.${className}` : className;
    const reply = await ctx.serverCompile(["-d", ctx.serverDir, "-cp", ctx.paths.javatuplesJar, `${ctx.serverDir}/${ctx.sourceFile}`]);
    return serverOutcome(reply, OUT_OF_MEMORY, { mainClass });
  },
  run: ({ limits, facts, paths }) => ({
    argv: [
      JAVA,
      "-ea",
      `-Xmx${Math.max(64, Math.floor(limits.memoryBytes / 4 / bytes.MiB))}m`,
      "-XX:+UseSerialGC",
      "-XX:CompressedClassSpaceSize=256m",
      "-XX:ReservedCodeCacheSize=64m",
      "-cp",
      `/work:${paths.javatuplesJar}`,
      facts.mainClass,
    ],
  }),
  outOfMemory: OUT_OF_MEMORY,
};

