/**
 * Sandbox benchmark: xinstruct's sandbox (warm compilers, C++ precompiled headers, compile
 * cache, a pool) against MultiPL-E's per-program method (cold compile + run of each file,
 * unsandboxed), measured in the same run on the same programs with the same concurrency.
 * Reports CPU seconds per program, wall time, their ratios and verdict agreement.
 *
 *   npx tsx --conditions=react-server scripts/bench/sandbox/run.ts
 *     [--suite correct|multipl-e] [--languages py,java,...] [--limit N] [--concurrency N]
 *
 * Suites: `correct` = known-good programs (see programs.ts); `multipl-e` = MultiPL-E HumanEval
 * prompts with stub completions (the evaluation workload; compiles, fails the tests).
 */
import { parseArgs } from "node:util";
import { SandboxPool } from "@/lib/sandbox/pool";
import { PAPER_LANGUAGES } from "@/lib/domain/language-names";
import { type ExecutionStatus, type LanguageId } from "@/lib/sandbox/types";
import { cpuSeconds } from "./cpu-time";
import { runPerProgram } from "./per-program-baseline";
import { benchPrograms, multiplEStubPrograms } from "./programs";

const { values } = parseArgs({ options: { suite: { type: "string" }, languages: { type: "string" }, limit: { type: "string" }, concurrency: { type: "string" } } });
const suite = values.suite ?? "correct";
const load = suite === "multipl-e" ? multiplEStubPrograms : benchPrograms;
const langs = (values.languages?.split(",") ?? [...PAPER_LANGUAGES]) as LanguageId[];
const limit = values.limit ? Number(values.limit) : Infinity;
const concurrency = Number(values.concurrency ?? 2);

async function measure<T>(work: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const value = await work();
  return { value, wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - cpu0 };
}

async function mapConcurrent<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

/** Verdicts compared as MultiPL-E reports them; the resource verdicts are MultiPL-E's exceptions. */
const comparable = (s: ExecutionStatus) => (s === "memory" || s === "output_limit" ? "exception" : s);

async function main() {
  const rows: string[][] = [];
  const totals = { n: 0, baseCpu: 0, oursCpu: 0, baseWall: 0, oursWall: 0, agree: 0 };
  for (const language of langs) {
    const programs = load(language).slice(0, limit);
    const base = await measure(() => mapConcurrent(programs, concurrency, (p) => runPerProgram(language, p.program)));
    const ours = await measure(async () => {
      const pool = new SandboxPool({ size: concurrency }); // fresh: cold compilers, empty cache
      try {
        return (await pool.runMany(programs.map((p) => ({ language, program: p.program })))).map((r) => r.status);
      } finally {
        await pool.close(); // stops the warm compilers so their CPU time is counted
      }
    });
    const disagreements = programs.filter((_, i) => comparable(base.value[i]) !== comparable(ours.value[i])).map((p) => `${p.name}: ${base.value[programs.indexOf(p)]} vs ${ours.value[programs.indexOf(p)]}`);
    const passed = (v: ExecutionStatus[]) => v.filter((s) => s === "ok").length;
    const n = programs.length;
    rows.push([
      language,
      String(n),
      `${passed(base.value)}/${passed(ours.value)}`,
      (base.cpu / n).toFixed(3),
      (ours.cpu / n).toFixed(3),
      `${(base.cpu / ours.cpu).toFixed(2)}x`,
      base.wall.toFixed(1),
      ours.wall.toFixed(1),
      `${(base.wall / ours.wall).toFixed(2)}x`,
      `${n - disagreements.length}/${n}`,
    ]);
    for (const d of disagreements) process.stderr.write(`  ${language} verdict differs: ${d}\n`);
    Object.assign(totals, {
      n: totals.n + n,
      baseCpu: totals.baseCpu + base.cpu,
      oursCpu: totals.oursCpu + ours.cpu,
      baseWall: totals.baseWall + base.wall,
      oursWall: totals.oursWall + ours.wall,
      agree: totals.agree + n - disagreements.length,
    });
    process.stderr.write(`${rows.at(-1)!.join(" ")}\n`);
  }
  rows.push([
    "all",
    String(totals.n),
    "",
    (totals.baseCpu / totals.n).toFixed(3),
    (totals.oursCpu / totals.n).toFixed(3),
    `${(totals.baseCpu / totals.oursCpu).toFixed(2)}x`,
    totals.baseWall.toFixed(1),
    totals.oursWall.toFixed(1),
    `${(totals.baseWall / totals.oursWall).toFixed(2)}x`,
    `${totals.agree}/${totals.n}`,
  ]);
  const header = ["lang", "n", "pass base/ours", "cpu s/prog base", "cpu s/prog ours", "cpu ratio", "wall s base", "wall s ours", "wall ratio", "same verdict"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  console.log(`suite ${suite}, concurrency ${concurrency}; ratios = per-program method / xinstruct (higher is better)`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

void main();
