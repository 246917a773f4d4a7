import "server-only";
import { NODE_OUT_OF_MEMORY } from "@/lib/sandbox/languages/javascript";
import type { CompileServerSpec, LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { serverOutcome } from "@/lib/sandbox/languages/server-outcome";
import { bytes } from "@/lib/sandbox/limits";

const NODE = "/usr/bin/node";

const tscServer: CompileServerSpec = {
  name: "tsc",
  limits: { cpuMs: 3_600_000, memoryBytes: 8 * bytes.GiB, processes: 64, fileSizeBytes: 64 * bytes.MiB, openFiles: 1024, tmpBytes: 64 * bytes.MiB },
  async prepare(tools) {
    return {
      argv: [NODE, "--max-old-space-size=2048", "/server/tsc-server.cjs", "/opt/typescript"],
      binds: [
        { host: tools.paths.serverSourcesDir, inside: "/server" },
        { host: tools.paths.typescriptDir, inside: "/opt/typescript" },
      ],
    };
  },
};

/** MultiPL-E: `tsc --target esnext f.ts && node f.js`; a type error is a failure. */
export const typescript: LanguageSpec = {
  id: "ts",
  name: "TypeScript",
  extension: "ts",
  requires: (paths) => [
    { path: NODE, install: "apt package nodejs" },
    { path: `${paths.typescriptDir}/lib/typescript.js`, install: "npm package typescript" },
  ],
  defaultLimits: { memoryBytes: 4 * bytes.GiB },
  sourceFile: () => "main.ts",
  compilerId: "tsc --target esnext",
  compileServer: tscServer,
  async compile(ctx) {
    const reply = await ctx.serverCompile([ctx.serverDir, ctx.sourceFile]);
    return serverOutcome(reply, NODE_OUT_OF_MEMORY);
  },
  run: () => ({ argv: [NODE, "main.js"] }),
  syntaxError: /^SyntaxError\b/m,
  outOfMemory: NODE_OUT_OF_MEMORY,
};
