/**
 * The cost of the vacuous-test check (issue 12, part 5): stage verify's time on a fixed set of
 * samples with the stub check and without it, in the same process.
 *
 *   npm run bench:stub-check -- [--langs py,js,...] [--rounds 3] [--samples 8]
 *
 * Per language, after a warm-up (compile servers up), `rounds` rounds; each round verifies two
 * fresh runs of `samples` samples whose programs are all new (no cache), one with the stub check
 * and one without, in an order that alternates with the round so drift of the shared machine hits
 * both alike. Every sample's tests pass, so every sample pays for the check: the worst case (the
 * check only runs for passing tests). Reported: median seconds per run each way and their ratio
 * (with ÷ without), plus the range of the per-round ratios.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, prepareConnection, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { implementation, instructionFor, PROBLEM_KEYS } from "@/lib/llm/scripted/templates";
import { createRun } from "@/lib/pipeline/run/create-run";
import { demoRunConfig } from "@/lib/pipeline/run/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { closeDefaultPool, getDefaultPool, isLanguageId, runMany, type LanguageId } from "@/lib/sandbox";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const langs = arg("langs", "py,js,ts,php,sh,cpp,java,cs").split(",").filter(isLanguageId);
const rounds = Number(arg("rounds", "3"));
const samples = Number(arg("samples", "8"));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const comment = (l: string) => (l === "py" || l === "sh" ? "#" : "//");

/** A run of `samples` passing samples whose solutions differ by a trailing comment: every program (and stub) is new. */
async function freshRun(db: Db, l: LanguageId, tag: string): Promise<string> {
  const { run } = await createRun(db, { name: "bench", snippets: [{ content: "x = 1", language: "py", path: "a.py" }], config: demoRunConfig(), enqueue: false });
  await db.sample.createMany({
    data: Array.from({ length: samples }, (_, i) => {
      const key = PROBLEM_KEYS[i % PROBLEM_KEYS.length];
      const impl = implementation(l, key);
      return { runId: run.id, part: "ds1", stepKey: `b:${i}`, language: l, instruction: instructionFor(l, key), solution: `${impl.solution.trimEnd()}\n${comment(l)} ${tag}-${i}\n`, tests: impl.tests };
    }),
  });
  return run.id;
}

async function timed(db: Db, l: LanguageId, tag: string, stubCheck: boolean) {
  const runId = await freshRun(db, l, tag);
  const t = performance.now();
  const c = await verifyRun(db, runId, { useCache: false, stubCheck });
  return { seconds: (performance.now() - t) / 1000, passed: c.passed + c.vacuous, vacuous: c.vacuous, unavailable: c.stubUnavailable };
}

async function benchLanguage(db: Db, l: LanguageId) {
  const impl = implementation(l, PROBLEM_KEYS[0]);
  await runMany([{ language: l, program: `${impl.solution}\n\n${impl.tests}\n` }]);
  const withCheck: number[] = [];
  const without: number[] = [];
  let flagged = "";
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [true, false] : [false, true];
    for (const on of order) {
      const m = await timed(db, l, `r${r}${on ? "on" : "off"}`, on);
      (on ? withCheck : without).push(m.seconds);
      if (on) flagged = `${m.vacuous} vacuous, ${m.unavailable} unavailable of ${m.passed}`;
    }
  }
  const ratios = withCheck.map((w, i) => w / without[i]);
  return {
    language: l,
    "s without check": median(without).toFixed(2),
    "s with check": median(withCheck).toFixed(2),
    "with ÷ without": (median(withCheck) / median(without)).toFixed(2),
    rounds: `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
    "stub check found": flagged,
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-bench-stub-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  const db = createDb(url);
  await prepareConnection(db, url);
  console.error(`bench:stub-check ${langs.join(",")} · ${rounds} rounds · ${samples} passing samples per run · sandbox pool of ${getDefaultPool().size}`);
  const rows = [];
  const totals = { with: 0, without: 0 };
  try {
    for (const l of langs) {
      const r = await benchLanguage(db, l);
      console.error(JSON.stringify(r));
      rows.push(r);
      totals.with += Number(r["s with check"]);
      totals.without += Number(r["s without check"]);
    }
    console.table(rows);
    console.log(`all languages: ${totals.without.toFixed(2)} s without the check, ${totals.with.toFixed(2)} s with it: with ÷ without = ${(totals.with / totals.without).toFixed(2)}`);
  } finally {
    await closeDefaultPool();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
