#!/usr/bin/env node
// The trainer's Python tests (trainer/tests, unittest; torch only — Debian's python3-torch).
// Ends with one line "python: N passed, M failed" and a non-zero exit on any failure.
// Also writes test-results/python-report.json ({ passed, failed, skipped }) for scripts/test/run-all.mjs.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const candidates = [process.env.XI_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean);
const python = candidates.find((py) => spawnSync(py, ["-c", "import torch"], { stdio: "ignore" }).status === 0);
const report = (r) => {
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  writeFileSync(path.join(root, "test-results/python-report.json"), JSON.stringify(r));
};

if (!python) {
  console.error(`python: no interpreter with torch among ${candidates.join(", ")} (apt-get install python3-torch)`);
  report({ passed: 0, failed: 1, skipped: 0 });
  console.log("python: 0 passed, 1 failed");
  process.exit(1);
}

const r = spawnSync(python, ["-m", "unittest", "discover", "-v", "-s", "trainer/tests", "-t", "."], {
  cwd: root, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
});
process.stderr.write(r.stderr);
process.stdout.write(r.stdout);
const lines = r.stderr.split("\n");
const count = (re) => lines.filter((l) => re.test(l)).length;
const passed = count(/\.\.\. ok$/);
const skipped = count(/\.\.\. skipped/);
const failures = lines.filter((l) => /\.\.\. (FAIL|ERROR)$/.test(l)).map((l) => l.replace(/ \.\.\. (FAIL|ERROR)$/, " ($1)"));
let failed = failures.length;
// Import errors and the like leave no per-test line: count a crash as one failure.
if (r.status !== 0 && failed === 0) failed = 1;
report({ passed, failed, skipped, failures });
console.log(`python: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} (${python})`);
process.exit(failed > 0 ? 1 : 0);
