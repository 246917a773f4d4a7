#!/usr/bin/env node
// Runs the TypeScript CLI (cli/index.ts) in this very process through tsx, so signals
// (Ctrl-C, SIGTERM, kill -9) reach the worker itself. `import "server-only"` guards lib
// modules against client bundles; outside Next it would throw, so a resolve hook maps it
// to an empty module here, as the react-server condition does inside Next's server.
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx({ tsconfig: path.join(root, "tsconfig.json") });
await import(pathToFileURL(path.join(root, "cli/index.ts")).href);
