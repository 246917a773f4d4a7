/**
 * Verify and DPO stage throughput against the sandbox's own, in the same process (issue 7, "Measure").
 *
 *   node --conditions=react-server --import tsx scripts/bench/dpo/run.ts [--langs py,js,...] [--samples 8] [--queries 2] [--n 8]
 *
 * Per language:
 *   - sandbox: runMany on programs of the same shape as the stage's (the baseline), measured
 *     before and after the stage and averaged (the machine is shared and noisy); verify programs
 *     are distinct per measurement (cold compilations), DPO answers repeat so both sides run warm;
 *   - verify, no cache: verifyRun over `samples` samples with distinct programs (each runs);
 *   - verify, cache: the same samples again (verdicts reset): every program is a cache hit;
 *   - dpo, no cache: dpoRun over `queries` verified queries × `n` answers from the scripted model
 *     (half with the planted bug), each answer executed;
 *   - dpo, cache: the same on a fresh run (its programs are in the cache already).
 * Reported: executions (or answers) per second and the stage ÷ sandbox ratio (goal: ≤ 1.10 overhead,
 * i.e. stage throughput ≥ 0.91 × sandbox).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, prepareConnection, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { assembleProgram } from "@/lib/domain/test-convention";
import { buggySolution, implementation, instructionFor, PROBLEM_KEYS } from "@/lib/llm/scripted/templates";
import { dpoRun } from "@/lib/pipeline/dpo/dpo-run";
import { createRun } from "@/lib/pipeline/run/create-run";
import { demoRunConfig } from "@/lib/pipeline/run/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { closeDefaultPool, isLanguageId, runMany, type LanguageId } from "@/lib/sandbox";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const langs = arg("langs", "py,js,ts,php,sh,cpp,java,cs").split(",").filter(isLanguageId);
const samples = Number(arg("samples", "8"));
const queries = Number(arg("queries", "2"));
const n = Number(arg("n", "8"));

const comment = (l: string) => (l === "py" || l === "sh" ? "#" : "//");
/** A solution made distinct by a trailing comment, so no two samples share a program. */
const variant = (l: string, solution: string, i: string) => `${solution.trimEnd()}\n${comment(l)} variant ${i}\n`;

async function newRun(db: Db, rows: { language: string; instruction: string; solution: string; tests: string }[], wrongSolution: number) {
  const { run } = await createRun(db, { name: "bench", snippets: [{ content: "x = 1", language: "py", path: "a.py" }], config: demoRunConfig({}, { faults: { wrongSolution } }, { concurrency: 256 }), enqueue: false });
  await db.sample.createMany({ data: rows.map((r, i) => ({ runId: run.id, part: "ds1", stepKey: `b:${i}`, ...r })) });
  return run.id;
}

async function sandboxRate(language: LanguageId, programs: string[]) {
  const t = performance.now();
  await runMany(programs.map((program) => ({ language, program })));
  return programs.length / ((performance.now() - t) / 1000);
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, (performance.now() - t) / 1000];
}

async function benchLanguage(db: Db, l: LanguageId) {
  // each verify measurement gets programs of its own (a tag in a comment): every compilation is cold, as with new samples
  const rowsTagged = (tag: string) => Array.from({ length: samples }, (_, i) => {
    const key = PROBLEM_KEYS[i % PROBLEM_KEYS.length];
    const impl = implementation(l, key);
    return { language: l, instruction: instructionFor(l, key), solution: variant(l, impl.solution, `${tag}${i}`), tests: impl.tests };
  });
  const programsOf = (rs: { solution: string; tests: string }[]) => rs.map((r) => assembleProgram(r.solution, r.tests));
  await sandboxRate(l, programsOf(rowsTagged("warm")).slice(0, 2)); // start the compile server
  const before = await sandboxRate(l, programsOf(rowsTagged("a")));
  const rows = rowsTagged("s");
  const runId = await newRun(db, rows, 0);
  const [v1, tv1] = await timed(() => verifyRun(db, runId, { useCache: false }));
  const after = await sandboxRate(l, programsOf(rowsTagged("b")));
  const sandboxVerify = (before + after) / 2;
  await db.sample.updateMany({ where: { runId }, data: { verdict: null } });
  const [v2, tv2] = await timed(() => verifyRun(db, runId, { useCache: true }));

  // DPO: the queries are the first `queries` problems, verified; answers are the template or its bug
  const qRows = PROBLEM_KEYS.slice(0, queries).map((k) => ({ language: l, instruction: instructionFor(l, k), solution: implementation(l, k).solution, tests: implementation(l, k).tests }));
  const dpoRunId = await newRun(db, qRows, 0.5);
  await verifyRun(db, dpoRunId);
  const dpoPrograms = PROBLEM_KEYS.slice(0, queries).flatMap((k) => {
    const impl = implementation(l, k);
    return Array.from({ length: n }, (_, i) => assembleProgram(i % 2 ? buggySolution(impl) : impl.solution, impl.tests));
  });
  await sandboxRate(l, dpoPrograms); // answers repeat: warm the sandbox's compile cache for baseline and stage alike
  const dBefore = await sandboxRate(l, dpoPrograms);
  const [d1, td1] = await timed(() => dpoRun(db, dpoRunId, { n, useCache: false, batchSize: queries }));
  const dAfter = await sandboxRate(l, dpoPrograms);
  const sandboxDpo = (dBefore + dAfter) / 2;
  const dpoCachedRun = await newRun(db, qRows, 0.5);
  await verifyRun(db, dpoCachedRun);
  const [d2, td2] = await timed(() => dpoRun(db, dpoCachedRun, { n, useCache: true, batchSize: queries }));

  const verifyRate = v1.executed / tv1;
  const dpoRate = d1.executed / td1;
  return {
    language: l,
    "sandbox (verify programs)/s": sandboxVerify.toFixed(1),
    "verify no cache exec/s": verifyRate.toFixed(1),
    "verify ÷ sandbox": (verifyRate / sandboxVerify).toFixed(2),
    "verify cache samples/s": (v2.verified / tv2).toFixed(1),
    "sandbox (dpo programs)/s": sandboxDpo.toFixed(1),
    "dpo no cache exec/s": dpoRate.toFixed(1),
    "dpo ÷ sandbox": (dpoRate / sandboxDpo).toFixed(2),
    "dpo cache answers/s": (d2.answers / td2).toFixed(1),
    "dpo cache hits": `${d2.cacheHits}/${d2.answers}`,
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-bench-dpo-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  const db = createDb(url);
  await prepareConnection(db, url);
  const rows = [];
  try {
    for (const l of langs) {
      const r = await benchLanguage(db, l);
      console.error(JSON.stringify(r));
      rows.push(r);
    }
    console.table(rows);
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
