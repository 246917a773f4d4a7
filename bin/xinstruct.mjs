#!/usr/bin/env node
// Launches the TypeScript CLI (cli/index.ts) through tsx. The react-server condition makes
// `import "server-only"` resolve to its empty module, as it does inside Next's server.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--no-warnings=ExperimentalWarning", "--import", "tsx", path.join(root, "cli/index.ts"), ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") } },
);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + 1 : 1)));
