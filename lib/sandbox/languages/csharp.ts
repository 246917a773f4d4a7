import "server-only";
import type { CompileServerSpec, LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { serverOutcome } from "@/lib/sandbox/languages/server-outcome";
import { bytes } from "@/lib/sandbox/limits";

const MONO = "/usr/bin/mono";
const MCS_EXE = "/usr/lib/mono/4.5/mcs.exe";
const OUT_OF_MEMORY = /OutOfMemoryException|Garbage collector could not allocate|Cannot allocate memory/;

const mcsServer: CompileServerSpec = {
  name: "mcs",
  limits: { cpuMs: 3_600_000, memoryBytes: 4 * bytes.GiB, processes: 128, fileSizeBytes: 64 * bytes.MiB, openFiles: 4096, tmpBytes: 64 * bytes.MiB },
  async prepare(tools) {
    const dir = await tools.stateDir("mcs-server");
    const built = await tools.jailed(dir, [MONO, MCS_EXE, `-r:${MCS_EXE}`, "/src/McsServer.cs", "-out:/work/McsServer.exe"], {
      binds: [{ host: tools.paths.serverSourcesDir, inside: "/src" }, { host: "/etc/mono", inside: "/etc/mono" }],
      limits: { memoryBytes: 4 * bytes.GiB, processes: 128 },
    });
    if (built.exitCode !== 0) throw new Error(`building the mcs server failed: ${built.stdout}${built.stderr}`);
    return {
      argv: [MONO, "/server/McsServer.exe"],
      binds: [{ host: dir, inside: "/server" }, { host: "/etc/mono", inside: "/etc/mono" }],
      env: { MONO_PATH: "/usr/lib/mono/4.5" },
    };
  },
};

/**
 * MultiPL-E: `csc /d:DEBUG -r:System.Numerics.dll f.cs` then `mono f.exe` (here mcs, kept warm).
 * DEBUG keeps Debug.Assert; a failed assert exits 0 under mono, so stderr decides.
 */
export const csharp: LanguageSpec = {
  id: "cs",
  name: "C#",
  extension: "cs",
  requires: () => [
    { path: MONO, install: "apt package mono-runtime" },
    { path: MCS_EXE, install: "apt package mono-mcs" },
  ],
  defaultLimits: { wallMs: 5_000, cpuMs: 5_000, memoryBytes: 2 * bytes.GiB },
  systemPaths: ["/etc/mono"],
  sourceFile: () => "main.cs",
  compilerId: "mcs -d:DEBUG -r:System.Numerics.dll",
  compileServer: mcsServer,
  async compile(ctx) {
    const reply = await ctx.serverCompile([ctx.serverDir, "-d:DEBUG", "-r:System.Numerics.dll", ctx.sourceFile, "-out:main.exe"]);
    return serverOutcome(reply, OUT_OF_MEMORY);
  },
  run: () => ({ argv: [MONO, "main.exe"], env: { MONO_TRACE_LISTENER: "Console.Error" } }),
  failed: (run) => run.exitCode !== 0 || /DefaultTraceListener\.Fail|Unhandled Exception/.test(run.stderr),
  outOfMemory: OUT_OF_MEMORY,
};
