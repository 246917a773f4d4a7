/**
 * Verify and DPO stage throughput against the sandbox's own, in the same process (issue 7, "Measure").
 *
 *   npm run bench:dpo -- [--langs py,js,...] [--rounds 5] [--samples 12] [--queries 2] [--n 12]
 *
 * Per language, after a warm-up, `rounds` rounds; each round measures, in alternating order
 * (baseline first on even rounds, stage first on odd ones, so drift of the shared machine hits
 * both sides alike):
 *   - verify: runMany on `samples` fresh programs (the sandbox's own throughput) and verifyRun
 *     without the cache on `samples` fresh samples of the same shape (every program compiles cold);
 *   - dpo: runMany on the queries × n programs the scripted model answers (template or planted
 *     bug, so they repeat and both sides run warm) and dpoRun without the cache on a fresh
 *     verified run (sampling, execution, pairing, storage), each answer executed;
 *   - cached: verifyRun again on the verified samples (all hits) and dpoRun on a fresh run
 *     (answers' programs in the cache).
 * Reported: medians over rounds of executions (or samples / answers) per second, the stage ÷
 * sandbox ratio of the medians, and the range of the per-round ratios. Goal: the stage adds
 * < 10 % over the sandbox, i.e. ratio ≥ 0.91.
 * The stage's own work (cache lookup, sampling, pairing, database writes, events) is what the
 * cached passes do without the sandbox; its time per item, added to the sandbox's time per
 * execution, gives a second, far less noisy estimate of the ratio: "est. ÷ sandbox". A third,
 * measured inside the same stage call: "in sandbox", the share of the stage's wall time spent in
 * the sandbox pool's runMany (the stage's throughput ÷ its own sandbox throughput).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, prepareConnection, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { closeDefaultPool, getDefaultPool, isLanguageId, type LanguageId } from "@/lib/sandbox";
import { languageBench, type Sizes } from "./measure";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const langs = arg("langs", "py,js,ts,php,sh,cpp,java,cs").split(",").filter(isLanguageId);
const rounds = Number(arg("rounds", "5"));
const sizes: Sizes = { samples: Number(arg("samples", "12")), queries: Number(arg("queries", "2")), n: Number(arg("n", "12")) };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/** Runs `a` and `b` in an order that alternates with the round. */
async function paired<A, B>(round: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (round % 2 === 0) {
    const x = await a();
    return [x, await b()];
  }
  const y = await b();
  return [await a(), y];
}

async function benchLanguage(db: Db, l: LanguageId) {
  const b = languageBench(db, l, sizes);
  await b.warm();
  const verify = { base: [] as number[], stage: [] as number[], inSandbox: [] as number[], cached: [] as number[] };
  const dpo = { base: [] as number[], stage: [] as number[], inSandbox: [] as number[], cached: [] as number[] };
  let hits = "";
  for (let r = 0; r < rounds; r++) {
    const [vb, vs] = await paired(r, () => b.verifyBaseline(r), () => b.verifyStage(r));
    verify.base.push(vb);
    verify.stage.push(vs.rate);
    verify.inSandbox.push(vs.inSandbox);
    verify.cached.push(await b.verifyCached(vs.runId));
    const [db_, ds] = await paired(r, () => b.dpoBaseline(), () => b.dpoStage());
    dpo.base.push(db_);
    dpo.stage.push(ds.rate);
    dpo.inSandbox.push(ds.inSandbox);
    const dc = await b.dpoCached();
    dpo.cached.push(dc.rate);
    hits = `${dc.hits}/${dc.answers}`;
  }
  return { language: l, ...stageColumns("verify", "sample", verify), ...stageColumns("dpo", "answer", dpo), "dpo cache hits": hits };
}

/** One stage's columns: throughput against the sandbox's own for the same programs, per round and cached. */
function stageColumns(stage: string, unit: string, m: { base: number[]; stage: number[]; inSandbox: number[]; cached: number[] }) {
  const rounds = m.stage.map((x, i) => x / m.base[i]);
  return {
    [`sandbox ${stage}-shaped exec/s`]: f1(median(m.base)),
    [`${stage} exec/s`]: f1(median(m.stage)),
    [`${stage} ÷ sandbox`]: f2(median(m.stage) / median(m.base)),
    [`${stage} rounds`]: `${f2(Math.min(...rounds))}–${f2(Math.max(...rounds))}`,
    [`${stage} in sandbox`]: f2(median(m.inSandbox)),
    [`${stage} cached ${unit}s/s`]: f1(median(m.cached)),
    [`${stage} own ms/${unit}`]: f1(1000 / median(m.cached)),
    [`${stage} est. ÷ sandbox`]: f2(1 / (1 + median(m.base) / median(m.cached))),
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-bench-dpo-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  const db = createDb(url);
  await prepareConnection(db, url);
  console.error(`bench:dpo ${langs.join(",")} · ${rounds} rounds · ${sizes.samples} samples, ${sizes.queries} queries × ${sizes.n} answers · sandbox pool of ${getDefaultPool().size}`);
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
