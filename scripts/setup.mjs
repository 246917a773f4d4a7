#!/usr/bin/env node
// `npm run setup`: gets a fresh Debian machine (or a clone on a prepared one) ready.
// Idempotent. Uses Node built-ins only, since it runs before `npm ci`.
//  1. apt packages the sandbox, the toolchains and the browser tests need (when root and
//     apt-get exist; otherwise it prints what to install and goes on);
//  2. npm ci (when node_modules is missing or older than the lockfile);
//  3. Prisma clients generated, the database migrated, demo data loaded;
//  4. the dashboard built.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DEBIAN_FRONTEND: "noninteractive" };
const step = (s) => console.log(`\n== setup: ${s}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit", ...opts });
  if (r.status !== 0 && !opts.optional) {
    console.error(`setup failed: ${cmd} ${args.join(" ")}`);
    process.exit(r.status ?? 1);
  }
  return r.status === 0;
}
const has = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;

// package -> how we know it is there
const APT = {
  "php-cli": () => has("php"),
  "mono-mcs": () => has("mcs"),
  "mono-runtime": () => has("mono"),
  "libjavatuples-java": () => existsSync("/usr/share/java/javatuples.jar"),
  bubblewrap: () => has("bwrap"),
  chromium: () => existsSync("/usr/bin/chromium"),
  "openjdk-17-jdk-headless": () => has("javac"),
  "g++": () => has("g++"),
  python3: () => has("python3"),
  // The trainer's pure parts and its CPU end-to-end test need torch; the SSH backend's test needs sshd.
  "python3-torch": () => spawnSync("python3", ["-c", "import torch"], { stdio: "ignore" }).status === 0 || spawnSync("/usr/bin/python3", ["-c", "import torch"], { stdio: "ignore" }).status === 0,
  "openssh-server": () => existsSync("/usr/sbin/sshd"),
  "openssh-client": () => has("ssh"),
  // MultiPL-E's other languages (Debian 12 ships these; Julia and Swift must be installed by hand,
  // see lib/sandbox/languages/manual.ts) and the test libraries their benchmark tests use.
  "golang-go": () => existsSync("/usr/lib/go-1.19/bin/go"),
  rustc: () => existsSync("/usr/bin/rustc"),
  ruby: () => existsSync("/usr/bin/ruby3.1"),
  "ruby-test-unit": () => existsSync("/usr/share/rubygems-integration/all/gems/test-unit-3.5.7/lib/test/unit.rb"),
  "lua5.4": () => existsSync("/usr/bin/lua5.4"),
  "lua-unit": () => existsSync("/usr/share/lua/5.4/luaunit.lua"),
  perl: () => existsSync("/usr/bin/perl"),
  "libtest-deep-perl": () => existsSync("/usr/share/perl5/Test/Deep.pm"),
  "r-base-core": () => existsSync("/usr/bin/Rscript"),
  racket: () => existsSync("/usr/bin/racket"),
  scala: () => existsSync("/usr/share/scala-2.11/lib/scala-compiler.jar"),
  ldc: () => existsSync("/usr/bin/ldc2"),
};

step("system packages");
const missing = Object.entries(APT).filter(([, ok]) => !ok()).map(([p]) => p);
if (missing.length === 0) console.log("all present");
else if (process.getuid?.() === 0 && has("apt-get")) {
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing]);
} else {
  console.warn(`not root or no apt-get: please install these packages yourself, then re-run:\n  sudo apt-get install -y ${missing.join(" ")}\ncontinuing without them (the sandbox reports unavailable:language for a missing toolchain).`);
}
if (!existsSync("/usr/lib/postgresql") && !has("pg_ctl")) {
  console.log("note: PostgreSQL server binaries are not installed; SQLite is used (PostgreSQL is optional: DATABASE_URL=postgresql://...).");
}

step("npm packages");
const stamp = path.join(root, "node_modules/.package-lock.json");
if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(path.join(root, "package-lock.json")).mtimeMs) {
  // npm ci refuses a lockfile that lacks other platforms' optional packages, and a registry
  // mirror without them (Next's darwin/win32 SWC builds, say) makes npm write exactly such a
  // lockfile. npm install then installs the same locked tree; --no-save keeps it from writing
  // those entries back, so a fresh clone's tree stays unchanged.
  if (!run("npm", ["ci", "--no-audit", "--no-fund"], { optional: true })) {
    console.log("npm ci refused the lockfile (optional packages of other platforms are not in it); installing the locked tree with npm install --no-save");
    run("npm", ["install", "--no-save", "--no-audit", "--no-fund"]);
  }
} else console.log("node_modules up to date");

step("database");
run(process.execPath, ["scripts/db/generate.mjs"]);
run(process.execPath, ["bin/xinstruct.mjs", "db", "migrate"]);
run(process.execPath, ["bin/xinstruct.mjs", "db", "seed"]);

step("dashboard build");
run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
console.log("\nsetup complete: `npm start` runs the dashboard and the worker on http://127.0.0.1:3000");
