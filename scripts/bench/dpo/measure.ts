/** One language's paired measurements for scripts/bench/dpo/run.ts: a sandbox baseline and the stage on programs of the same shape. */
import type { Db } from "@/lib/db/client";
import { assembleProgram } from "@/lib/domain/test-convention";
import { buggySolution, implementation, instructionFor, PROBLEM_KEYS } from "@/lib/llm/scripted/templates";
import { dpoRun } from "@/lib/pipeline/dpo/dpo-run";
import { createRun } from "@/lib/pipeline/run/create-run";
import { demoRunConfig } from "@/lib/pipeline/run/test-support";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { getDefaultPool, runMany, type LanguageId } from "@/lib/sandbox";

export interface Sizes {
  samples: number;
  queries: number;
  n: number;
}

type Row = { language: string; instruction: string; solution: string; tests: string };

const comment = (l: string) => (l === "py" || l === "sh" ? "#" : "//");
/** A solution made distinct by a trailing comment, so no two samples (and no two rounds) share a program. */
const variant = (l: string, solution: string, tag: string) => `${solution.trimEnd()}\n${comment(l)} variant ${tag}\n`;
const programsOf = (rs: Row[]) => rs.map((r) => assembleProgram(r.solution, r.tests));

async function seconds(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

/**
 * Wall time spent inside the sandbox pool's runMany, where every stage hands its programs over:
 * the rest of a stage's time is its own work (sampling, cache, pairing, database, events).
 */
function sandboxClock() {
  const pool = getDefaultPool();
  const original = pool.runMany.bind(pool);
  let ms = 0;
  pool.runMany = async (...args) => {
    const t = performance.now();
    try {
      return await original(...args);
    } finally {
      ms += performance.now() - t;
    }
  };
  return { reset: () => void (ms = 0), seconds: () => ms / 1000 };
}
let clock: ReturnType<typeof sandboxClock> | null = null;

/** Runs a stage; its time in all and the share of it spent inside the sandbox. */
async function stageTimed<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number; inSandbox: number }> {
  clock ??= sandboxClock();
  clock.reset();
  let value: T | undefined;
  const total = await seconds(async () => (value = await f()));
  return { value: value as T, seconds: total, inSandbox: clock.seconds() / total };
}

async function newRun(db: Db, rows: Row[], wrongSolution: number): Promise<string> {
  const { run } = await createRun(db, { name: "bench", snippets: [{ content: "x = 1", language: "py", path: "a.py" }], config: demoRunConfig({}, { faults: { wrongSolution } }, { concurrency: 256 }), enqueue: false });
  await db.sample.createMany({ data: rows.map((r, i) => ({ runId: run.id, part: "ds1", stepKey: `b:${i}`, ...r })) });
  return run.id;
}

export function languageBench(db: Db, l: LanguageId, s: Sizes) {
  /** samples with programs of their own (cold compilations, as with new samples) */
  const verifyRows = (tag: string): Row[] => Array.from({ length: s.samples }, (_, i) => {
    const key = PROBLEM_KEYS[i % PROBLEM_KEYS.length];
    const impl = implementation(l, key);
    return { language: l, instruction: instructionFor(l, key), solution: variant(l, impl.solution, `${tag}-${i}`), tests: impl.tests };
  });
  const queryRows: Row[] = PROBLEM_KEYS.slice(0, s.queries).map((k) => ({ language: l, instruction: instructionFor(l, k), solution: implementation(l, k).solution, tests: implementation(l, k).tests }));
  // what the scripted model answers (the template or its planted bug, half each): DPO answers repeat, so both sides run warm
  const dpoPrograms = PROBLEM_KEYS.slice(0, s.queries).flatMap((k) => {
    const impl = implementation(l, k);
    return Array.from({ length: s.n }, (_, i) => assembleProgram(i % 2 ? buggySolution(impl) : impl.solution, impl.tests));
  });
  const verifiedQueries = async () => {
    const runId = await newRun(db, queryRows, 0.5);
    await verifyRun(db, runId);
    return runId;
  };

  return {
    /** compile servers up, compile caches filled for the repeated DPO programs */
    async warm() {
      await runMany(programsOf(verifyRows("warm")).slice(0, 2).map((program) => ({ language: l, program })));
      await runMany(dpoPrograms.map((program) => ({ language: l, program })));
    },
    /** executions per second of runMany on `samples` fresh programs */
    async verifyBaseline(round: number) {
      const programs = programsOf(verifyRows(`base${round}`));
      return programs.length / (await seconds(() => runMany(programs.map((program) => ({ language: l, program })))));
    },
    /** executions per second of stage verify (no cache) on `samples` fresh samples; the run is kept for the cached pass */
    async verifyStage(round: number) {
      const runId = await newRun(db, verifyRows(`stage${round}`), 0);
      const r = await stageTimed(() => verifyRun(db, runId, { useCache: false }));
      return { rate: r.value.executed / r.seconds, inSandbox: r.inSandbox, runId };
    },
    /** samples per second of stage verify when every program is in the cache */
    async verifyCached(runId: string) {
      await db.sample.updateMany({ where: { runId }, data: { verdict: null } });
      let verified = 0;
      const t = await seconds(async () => (verified = (await verifyRun(db, runId, { useCache: true })).verified));
      return verified / t;
    },
    async dpoBaseline() {
      return dpoPrograms.length / (await seconds(() => runMany(dpoPrograms.map((program) => ({ language: l, program })))));
    },
    /** executions per second of stage dpo (no cache): sampling, execution, pairing and storage of queries × n answers */
    async dpoStage() {
      const runId = await verifiedQueries();
      const r = await stageTimed(() => dpoRun(db, runId, { n: s.n, useCache: false, batchSize: s.queries }));
      return { rate: r.value.executed / r.seconds, inSandbox: r.inSandbox };
    },
    /** answers per second of stage dpo when every answer's program is in the cache */
    async dpoCached() {
      const runId = await verifiedQueries();
      let c = { answers: 0, cacheHits: 0 };
      const t = await seconds(async () => (c = await dpoRun(db, runId, { n: s.n, useCache: true, batchSize: s.queries })));
      return { rate: c.answers / t, hits: c.cacheHits, answers: c.answers };
    },
  };
}
