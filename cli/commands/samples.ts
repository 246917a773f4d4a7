import type { Command } from "commander";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { openDb } from "@/lib/cli/open-db";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { curateSamples, CURATION_ACTIONS, type CurationAction } from "@/lib/samples/curate-samples";
import { editSample } from "@/lib/samples/edit-sample";
import { getSample } from "@/lib/samples/get-sample";
import { importSamples } from "@/lib/samples/import-samples";
import { listSamples } from "@/lib/samples/list-samples";
import { reindexSampleSearch } from "@/lib/samples/reindex";
import { resolveRun } from "@/lib/samples/resolve-run";
import { PARTS, filterFromPairs, type Part } from "@/lib/samples/sample-filter";

const collect = (v: string, prev: string[]) => [...prev, v];
const FILTER_HELP = "key=value: runId, language, part, curation, verdict, minScore, maxScore, q, filtered; repeatable";

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

async function filterFor(db: Db, run: string | undefined, pairs: string[]) {
  return filterFromPairs(pairs, run ? { runId: (await resolveRun(db, run)).id } : {});
}

export default function register(program: Command): void {
  const samples = program.command("samples").description("Instruction samples: import, list, show, curate, edit");

  samples
    .command("import <file>")
    .description("Import JSONL instruction data (xinstruct, Alpaca, chat messages, or DPO prompt/chosen/rejected lines) into a run")
    .requiredOption("--run <name>", "run to add to (created when no run has this name)")
    .option("--language <id>", "language of lines without a \"language\" field (py, java, cpp, cs, ts, js, php, sh, ...)")
    .option("--part <part>", `dataset part of lines without a "part" field (${PARTS.join(", ")})`, "ds1")
    .action(async (file: string, o: { run: string; language?: string; part: string }) => {
      if (!(PARTS as readonly string[]).includes(o.part)) throw new AppError("invalid:arguments", `--part must be one of ${PARTS.join(", ")}.`);
      const text = readFileSync(file, "utf8");
      const bar = new SingleBar({ format: "import [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let started = false;
      const r = await withDb((db) =>
        importSamples(db, text, { runName: o.run, language: o.language, part: o.part as Part, source: path.basename(file) }, (done, total) => (started ? bar.update(done) : (bar.start(total, done), (started = true)))),
      );
      if (started) bar.stop();
      console.log(`${r.samples} samples and ${r.dpoPairs} DPO pairs imported into run ${r.runName} (${r.runId})${r.createdRun ? ", a new run" : ""}`);
    });

  samples
    .command("list")
    .description("List samples, newest first")
    .option("--run <id|name>", "samples of one run")
    .option("--filter <key=value>", FILTER_HELP, collect, [])
    .option("--sort <sort>", "new | score", "new")
    .option("-n, --limit <n>", "how many", (v) => Number.parseInt(v, 10), 50)
    .option("--json", "print JSON lines")
    .action(async (o: { run?: string; filter: string[]; sort: "new" | "score"; limit: number; json?: boolean }) => {
      await withDb(async (db) => {
        const page = await listSamples(db, await filterFor(db, o.run, o.filter), { sort: o.sort, limit: o.limit, withTotal: true });
        if (o.json) return page.items.forEach((r) => console.log(JSON.stringify(r)));
        console.log(["ID".padEnd(26), "RUN".padEnd(14), "PART", "LANG".padEnd(5), "SCORE", "VERDICT".padEnd(12), "CURATION".padEnd(9), "INSTRUCTION"].join(" "));
        for (const r of page.items) {
          console.log([r.id.padEnd(26), r.runName.slice(0, 14).padEnd(14), r.part.padEnd(4), r.language.padEnd(5), (r.score?.toFixed(1) ?? "—").padEnd(5), (r.verdict ?? "—").padEnd(12), r.curation.padEnd(9), r.preview.replace(/\s+/g, " ").slice(0, 60)].join(" "));
        }
        console.log(`(${page.items.length} of ${page.total})`);
      });
    });

  samples
    .command("show <id>")
    .description("Show a sample with its executions and revisions")
    .option("--json", "print JSON")
    .action(async (id: string, o: { json?: boolean }) => {
      const s = await withDb((db) => getSample(db, id));
      if (o.json) return console.log(JSON.stringify(s, null, 2));
      console.log(`${s.id}  run ${s.runName}  ${s.part}  ${s.language}  score ${s.score ?? "—"}  verdict ${s.verdict ?? "—"}  ${s.curation}`);
      console.log(`\n# Instruction\n${s.instruction}\n\n# Solution\n${s.solution}\n\n# Tests\n${s.tests ?? "(none)"}`);
      if (s.justification) console.log(`\n# Scorer\n${s.justification}`);
      console.log(`\n${s.executions.length} execution(s), ${s.revisions.length} revision(s)`);
    });

  samples
    .command("curate <action> [ids...]")
    .description(`${Object.keys(CURATION_ACTIONS).join(" | ")} the given samples, or every sample matching --run/--filter`)
    .option("--run <id|name>", "samples of one run")
    .option("--filter <key=value>", FILTER_HELP, collect, [])
    .option("--all", "every sample (when no ids, run or filter are given)")
    .action(async (action: string, ids: string[], o: { run?: string; filter: string[]; all?: boolean }) => {
      if (!(action in CURATION_ACTIONS)) throw new AppError("invalid:arguments", `action must be one of ${Object.keys(CURATION_ACTIONS).join(", ")}.`);
      if (!ids.length && !o.run && !o.filter.length && !o.all) throw new AppError("invalid:arguments", "Name sample ids, or select with --run / --filter, or pass --all.");
      const r = await withDb(async (db) => curateSamples(db, action as CurationAction, ids.length ? { ids } : { filter: await filterFor(db, o.run, o.filter) }));
      console.log(`${r.updated} sample(s) ${CURATION_ACTIONS[action as CurationAction]}`);
    });

  samples
    .command("edit <id>")
    .description("Replace a sample's text from files; the previous text is kept as a revision")
    .option("--instruction-file <file>")
    .option("--solution-file <file>")
    .option("--tests-file <file>")
    .action(async (id: string, o: { instructionFile?: string; solutionFile?: string; testsFile?: string }) => {
      if (!o.instructionFile && !o.solutionFile && !o.testsFile) throw new AppError("invalid:arguments", "Give at least one of --instruction-file, --solution-file, --tests-file.");
      await withDb(async (db) => {
        const s = await getSample(db, id);
        const read = (f?: string) => (f ? readFileSync(f, "utf8") : undefined);
        const r = await editSample(db, id, { instruction: read(o.instructionFile) ?? s.instruction, solution: read(o.solutionFile) ?? s.solution, tests: read(o.testsFile) ?? s.tests }, "cli");
        console.log(`revision ${r.revisionId}; sample ${id} is ${r.curation}`);
      });
    });

  samples
    .command("reindex")
    .description("Rebuild the full-text search index of samples (SQLite; after a VACUUM)")
    .action(async () => {
      const done = await withDb(reindexSampleSearch);
      console.log(done ? "search index rebuilt" : "nothing to do on PostgreSQL");
    });
}
