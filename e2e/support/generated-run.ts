import { expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Runs made by the real pipeline with the CLI, into the e2e server's database (DATA_DIR
// .e2e-data/open, see playwright.config.ts), with the scripted model, half of whose solutions
// carry a planted bug (so DPO finds passing and failing answers).
const root = path.resolve(import.meta.dirname, "../..");

/** `xinstruct ARGS` against the e2e server's data dir; fails the test on a non-zero exit. */
export function cli(args: string[]): { stdout: string; stderr: string } {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [path.join(root, "bin/xinstruct.mjs"), ...args], { cwd: root, env: { ...env, DATA_DIR: path.join(root, ".e2e-data", "open") }, encoding: "utf8", timeout: 180_000 });
  expect(r.status, `${args.join(" ")}\n${r.stderr}`).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** A run generated with the CLI from a two-file corpus (py, js), not yet verified; its id. */
export function generatedRun(namePrefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `xi-${namePrefix}-`));
  mkdirSync(path.join(dir, "corpus"));
  writeFileSync(path.join(dir, "corpus", "stats.py"), 'def total(xs):\n    """Sum of a list."""\n    s = 0\n    for x in xs:\n        s += x\n    return s\n');
  writeFileSync(path.join(dir, "corpus", "words.js"), "function countWords(text) {\n  return text.split(/\\s+/).filter(Boolean).length;\n}\nmodule.exports = { countWords };\n");
  writeFileSync(path.join(dir, "run.yaml"), [
    `name: ${namePrefix}-${Date.now()}`,
    "seed: 9", // with the demo model's prompts, both samples pass their tests and DPO makes one pair per query
    "languages: [py, js]",
    "seedData: { modes: [ds1] }",
    "targets: { ds3Samples: 0 }",
    "models:",
    "  endpoints:",
    "    - { name: demo, provider: scripted, model: xinstruct-demo, concurrency: 16, scripted: { faults: { wrongSolution: 0.5 } } }",
  ].join("\n"));
  const made = cli(["generate", "--config", path.join(dir, "run.yaml"), "--corpus", path.join(dir, "corpus"), "--no-progress"]);
  return /run (\S+) "/.exec(made.stderr)![1];
}
