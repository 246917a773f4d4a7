import type { Command } from "commander";
import cliProgress from "cli-progress";
import { openDb } from "@/lib/cli/open-db";
import { AppError } from "@/lib/errors";
import { languageName } from "@/lib/domain/language-names";
import { addCorpus } from "@/lib/corpora/add-corpus";
import { ingestCorpus } from "@/lib/corpora/run-ingest";
import { overallProgress, PROGRESS_SCALE } from "@/lib/corpora/progress";
import { formatReportSummary } from "@/lib/corpora/format-summary";
import { corpusLanguageStats, getCorpus, listCorpora } from "@/lib/corpora/queries";
import { deleteCorpus } from "@/lib/corpora/delete-corpus";
import { parseLanguageName } from "@/lib/pipeline/ingest/languages";

interface AddFlags {
  name?: string;
  maxTokens: string;
  nearThreshold: string;
  benchmark?: string[];
  language?: string[];
  workingTree?: boolean;
  json?: boolean;
}

function number(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new AppError(`invalid:${what}`, `--${what} must be a number, not "${v}".`);
  return n;
}

function overrides(list: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const at = item.lastIndexOf("=");
    const language = at > 0 ? parseLanguageName(item.slice(at + 1)) : null;
    if (!language) throw new AppError("invalid:language", `--language takes PATH=LANGUAGE (e.g. scripts/run=sh), not "${item}".`);
    out[item.slice(0, at)] = language;
  }
  return out;
}

export default function register(program: Command): void {
  const corpus = program.command("corpus").description("Snippet corpora: import, list, inspect");

  corpus
    .command("add <source>")
    .description("Import a file, folder, git repository, .zip/.tar.gz archive, JSONL dump or http(s) URL (runs here, not in the worker)")
    .option("--name <name>", "corpus name (default: from the source)")
    .option("--max-tokens <n>", "token bound per snippet", "1024")
    .option("--near-threshold <j>", 'near-duplicate Jaccard threshold, or "off"', "0.7")
    .option("--benchmark <file...>", "benchmark files or URLs to decontaminate against (HumanEval / MultiPL-E / MBPP)")
    .option("--language <path=lang...>", "language override for a file, e.g. scripts/run=sh")
    .option("--working-tree", "read a git repository's working tree instead of the files at HEAD")
    .option("--json", "print the report as JSON")
    .action(async (source: string, o: AddFlags) => {
      const db = await openDb();
      const { corpus: row } = await addCorpus(
        db,
        {
          name: o.name,
          source,
          options: {
            maxTokens: number(o.maxTokens, "max-tokens"),
            nearThreshold: o.nearThreshold === "off" ? null : number(o.nearThreshold, "near-threshold"),
            benchmarks: o.benchmark ?? [],
            languageOverrides: overrides(o.language) as never,
            workingTree: Boolean(o.workingTree),
          },
        },
        { enqueue: false },
      );
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once("SIGINT", onSigint);
      const bar = new cliProgress.SingleBar(
        { format: "{bar} {percentage}% | {message}", stream: process.stderr, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(PROGRESS_SCALE, 0, { message: "starting" });
      try {
        const report = await ingestCorpus(db, row.id, {
          signal: controller.signal,
          onProgress: (p) => {
            const x = overallProgress(p);
            bar.update(x.done, { message: x.message });
          },
        });
        bar.stop();
        if (o.json) console.log(JSON.stringify({ id: row.id, report }));
        else console.log(`corpus ${row.id} "${row.name}" ready\n${formatReportSummary(report)}`);
      } finally {
        bar.stop();
        process.off("SIGINT", onSigint);
        await db.$disconnect();
      }
    });

  corpus
    .command("list")
    .description("List corpora")
    .option("--json", "print JSON lines")
    .action(async (o: { json?: boolean }) => {
      const db = await openDb();
      const rows = await listCorpora(db, { limit: 500 });
      if (o.json) rows.forEach((r) => console.log(JSON.stringify(r)));
      else {
        console.log(["ID".padEnd(26), "NAME".padEnd(24), "STATUS".padEnd(10), "FILES".padStart(7), "SNIPPETS".padStart(9), " SOURCE"].join(" "));
        for (const r of rows) console.log([r.id.padEnd(26), r.name.slice(0, 24).padEnd(24), r.status.padEnd(10), String(r.files).padStart(7), String(r.snippets).padStart(9), ` ${r.source}`].join(" "));
        if (rows.length === 0) console.log("(no corpora)");
      }
      await db.$disconnect();
    });

  corpus
    .command("show <id>")
    .description("Show a corpus: status, report summary, languages")
    .option("--json", "print JSON")
    .action(async (id: string, o: { json?: boolean }) => {
      const db = await openDb();
      try {
        const c = await getCorpus(db, id);
        const languages = await corpusLanguageStats(db, id);
        if (o.json) return console.log(JSON.stringify({ ...c, languages }));
        console.log(`corpus ${c.id} "${c.name}" — ${c.status}\nsource: ${c.source}\nfiles: ${c.files}, snippets: ${c.snippets}`);
        if (c.error) console.log(`error: ${c.error}`);
        for (const l of languages.sort((a, b) => b.snippets - a.snippets))
          console.log(`  ${languageName(l.language).padEnd(10)} ${String(l.files).padStart(6)} files ${String(l.snippets).padStart(7)} snippets ${String(l.tokens).padStart(9)} tokens`);
        if (c.report) console.log(`report:\n${formatReportSummary(c.report)}`);
      } finally {
        await db.$disconnect();
      }
    });

  corpus
    .command("delete <id>")
    .description("Delete a corpus with its files and snippets")
    .action(async (id: string) => {
      const db = await openDb();
      try {
        await deleteCorpus(db, id);
        console.log(`deleted ${id}`);
      } finally {
        await db.$disconnect();
      }
    });
}
