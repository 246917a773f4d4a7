#!/usr/bin/env node
// `npm start`: builds if needed, migrates the database, then runs the dashboard (next start)
// and the worker together. Ctrl-C (or SIGTERM) stops both cleanly; if either dies, the
// other is stopped too and the exit code says so.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { needsBuild } from "./lib/needs-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const host = env.HOST || "127.0.0.1";
const port = env.PORT || "3000";
const cli = path.join(root, "bin/xinstruct.mjs");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");


function runOrExit(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`xinstruct: ${what} failed`);
    process.exit(r.status ?? 1);
  }
}

// Validates the configuration (a non-loopback HOST without ADMIN_PASSWORD is refused here) and migrates.
runOrExit(process.execPath, [cli, "db", "migrate"], "configuration check / database migration");
if (env.XINSTRUCT_SKIP_BUILD !== "1" && needsBuild(root)) {
  console.log("xinstruct: building the dashboard (first start or sources changed)…");
  runOrExit(process.execPath, [nextBin, "build"], "build");
}

const children = [
  // the preload hands the app each request's socket address (the sign-in rate limit's key)
  ["web", spawn(process.execPath, ["--import", pathToFileURL(path.join(root, "scripts/lib/peer-address.mjs")).href, nextBin, "start", "-H", host, "-p", port], { cwd: root, env, stdio: "inherit" })],
  ["worker", spawn(process.execPath, [cli, "worker"], { cwd: root, env, stdio: "inherit" })],
];
console.log(`xinstruct: dashboard on http://${host.includes(":") ? `[${host}]` : host}:${port} and a worker; Ctrl-C stops both`);

let stopping = false;
let exitCode = 0;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const [, c] of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => { for (const [, c] of children) if (c.exitCode === null) c.kill("SIGKILL"); }, 15_000).unref();
}
for (const [name, child] of children) {
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`xinstruct: ${name} exited (${signal ?? code}); stopping the rest`);
      stopAll(code || 1);
    }
    if (children.every(([, c]) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
