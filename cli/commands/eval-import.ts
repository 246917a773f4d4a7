import type { Command } from "commander";
import { openDb } from "@/lib/cli/open-db";
import { AppError } from "@/lib/errors";
import { importEvaluation, runImportedEvaluation } from "@/lib/evals/app/import-evaluation";
import { formatSummary } from "@/lib/evals/format-summary";
import { IMPORT_FORMATS } from "@/lib/evals/import/plan-import";
import { readImportPath } from "@/lib/evals/import/read-import-files";
import { parseChoice } from "@/lib/evals/load-problems";
import type { ScoreRow } from "@/lib/evals/score";
import type { Execute } from "@/lib/evals/types";
import { closeDefaultPool } from "@/lib/sandbox";
import { languageBars } from "@/cli/commands/eval-progress";

/** `xinstruct eval import PATH --format multipl-e|bigcode --model NAME`: results of other harnesses, stored. */
export default function registerEvalImport(evalCommand: Command, deps: { execute?: Execute } = {}): void {
  evalCommand
    .command("import <path>")
    .description("Store MultiPL-E or bigcode-evaluation-harness result files as an evaluation (compare them with yours in the dashboard)")
    .requiredOption("--format <format>", `one of ${IMPORT_FORMATS.join(", ")}`)
    .option("--model <name>", "the model the results belong to (bigcode results files may name it)")
    .option("--name <name>", "the evaluation's name in the dashboard")
    .option("--benchmark <task>", "for bigcode generations files not named generations_<task>.json: the task (multiple-java, humaneval, mbpp, ...)")
    .option("--data-dir <path>", "folder or base URL of the benchmark files; bigcode generations are run against their problems' tests")
    .action(async (target: string, o: Record<string, string | undefined>) => {
      const format = parseChoice(o.format!, IMPORT_FORMATS, "format");
      const files = await readImportPath(target);
      const controller = new AbortController();
      process.once("SIGINT", () => controller.abort(new AppError("cancelled:import", "Import cancelled; the programs not run yet stay pending.")));
      const db = await openDb();
      const bars = languageBars();
      try {
        const evaluation = await importEvaluation(db, { format, model: o.model, name: o.name, benchmark: o.benchmark, dataSource: o.dataDir }, files, { enqueue: false });
        console.error(`evaluation ${evaluation.id}: ${files.length} file(s) imported as "${evaluation.name}"`);
        const scores = evaluation.status === "succeeded"
          ? (evaluation.summary as unknown as ScoreRow[])
          : await runImportedEvaluation(db, evaluation.id, { signal: controller.signal, onProgress: bars.onProgress, execute: deps.execute });
        bars.stop();
        console.log(formatSummary(scores));
        console.log(`stored as evaluation ${evaluation.id}; compare it at /compare?ids=${evaluation.id}`);
      } finally {
        bars.stop();
        await db.$disconnect();
        if (!deps.execute) await closeDefaultPool();
      }
    });
}
