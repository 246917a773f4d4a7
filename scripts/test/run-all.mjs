#!/usr/bin/env node
// `npm test`: the whole suite.
//  1. unit + integration tests (vitest) against SQLite;
//  2. the database tests (*.db.test.ts) again against a throwaway PostgreSQL 15 cluster;
//  3. the Python trainer's tests (torch on CPU);
//  4. the dashboard built, then Playwright e2e in Debian's Chromium against it.
// Ends with one line "total: N passed, M failed" and a non-zero exit on any failure.
// XI_TEST_ONLY=unit|pg|python|e2e (comma-separated) runs a subset.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPgBin, startPgCluster } from "./pg-cluster.mjs";
import { needsBuild } from "../lib/needs-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "test-results");
mkdirSync(out, { recursive: true });
const only = process.env.XI_TEST_ONLY?.split(",");
const want = (part) => !only || only.includes(part);
const totals = { passed: 0, failed: 0, skipped: 0 };
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
let crashed = false;
// A leg that ended badly with no failing test (vitest's unhandled errors, a missing report, a
// failed build) is named in the final list too, so the tail of the log says why the exit is 1.
function crash(msg) { crashed = true; console.error(msg); failures.push(`[crash] ${msg}`); }
// Every failure by name with the start of its message, printed again at the very end:
// CI shows only the tail of the log, and the failing test must be visible there.
const failures = [];
const firstLines = (msg) => String(msg ?? "").split("\n").slice(0, 6).join("\n    ");

function run(cmd, args, extraEnv = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } }).status;
}
function readJson(file) {
  try { return JSON.parse(readFileSync(file, "utf8")); } catch { return null; }
}
function vitest(label, args, extraEnv) {
  const report = path.join(out, `vitest-${label}.json`);
  rmSync(report, { force: true });
  console.log(`\n== ${label}`);
  const code = run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...args], extraEnv);
  const r = readJson(report);
  if (!r) { crash(`${label}: no report (exit ${code})`); return; }
  totals.passed += r.numPassedTests; totals.failed += r.numFailedTests; totals.skipped += r.numPendingTests + r.numTodoTests;
  for (const file of r.testResults ?? []) {
    const rel = path.relative(root, file.name);
    for (const t of file.assertionResults ?? []) {
      if (t.status === "failed") failures.push(`[${label}] ${rel} > ${t.fullName}\n    ${firstLines(t.failureMessages?.[0])}`);
    }
    if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) {
      failures.push(`[${label}] ${rel} (file failed)\n    ${firstLines(file.message)}`);
    }
  }
  if (code !== 0 && r.numFailedTests === 0) crash(`${label}: vitest exited ${code} with no failing test (unhandled errors are printed above as "Unhandled Errors")`);
}

if (want("unit")) vitest("sqlite", []);

if (want("pg")) {
  if (!findPgBin()) {
    console.log("\n== postgresql: server binaries not found, skipped (install postgresql-15)");
  } else {
    const pg = await startPgCluster();
    try {
      vitest("postgresql", ["--dir", ".", "db.test"], { XI_TEST_PG_URL: pg.url });
    } finally {
      await pg.stop();
    }
  }
}

if (want("python")) {
  console.log("\n== python (trainer)");
  rmSync(path.join(out, "python-report.json"), { force: true });
  run(process.execPath, ["scripts/test/python.mjs"]);
  const r = readJson(path.join(out, "python-report.json"));
  if (!r) crash("python: no report");
  else {
    totals.passed += r.passed; totals.failed += r.failed; totals.skipped += r.skipped;
    for (const name of r.failures ?? []) failures.push(`[python] ${name}`);
  }
}

if (want("e2e")) {
  console.log("\n== e2e (Playwright, Debian Chromium)");
  if (needsBuild(root) && run(process.execPath, ["node_modules/next/dist/bin/next", "build"]) !== 0) {
    crash("e2e: build failed");
  } else {
    rmSync(path.join(root, ".e2e-data"), { recursive: true, force: true });
    const report = path.join(out, "e2e-report.json");
    rmSync(report, { force: true });
    const code = run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], { XINSTRUCT_SKIP_BUILD: "1" });
    const r = readJson(report);
    if (!r) crash(`e2e: no report (exit ${code})`);
    else {
      totals.passed += r.stats.expected + r.stats.flaky; totals.failed += r.stats.unexpected; totals.skipped += r.stats.skipped;
      collectPlaywright(r.suites ?? []);
      if (code !== 0 && r.stats.unexpected === 0) crash(`e2e: playwright exited ${code} with no failing test`);
    }
  }
}

function collectPlaywright(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== "unexpected") continue;
        const last = t.results?.[t.results.length - 1];
        failures.push(`[e2e] ${spec.file}:${spec.line} > ${spec.title}\n    ${firstLines(last?.error?.message)}`);
      }
    }
    collectPlaywright(suite.suites ?? []);
  }
}

if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || crashed ? 1 : 0);
