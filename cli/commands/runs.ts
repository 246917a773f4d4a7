import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import { openDb } from "@/lib/cli/open-db";
import { rankCauses } from "@/lib/domain/failure-causes";
import { statusLabel } from "@/lib/domain/stage-outcome";
import { cancelRun, pauseRun, resumeRun } from "@/lib/pipeline/run/run-control";
import { exportRunConfig, getRun, listRuns } from "@/lib/pipeline/run/run-queries";
import { writeSamplesJsonl } from "@/lib/pipeline/run/export-samples";
import { listRunCalls } from "@/lib/pipeline/run/run-calls";
import { CALL_OUTCOMES, type CallOutcome } from "@/lib/domain/call-outcomes";
import type { RunCounts } from "@/lib/pipeline/run/run-progress";

/** The run's status and counts: samples per part and language, kept / filtered, steps, agents, tokens. */
export async function printRunSummary(db: Db, id: string, json = false): Promise<void> {
  const { run, counts } = await getRun(db, id);
  if (json) {
    console.log(JSON.stringify({ id: run.id, name: run.name, status: run.status, stage: run.stage, counts, usage: run.usage }));
    return;
  }
  const progress = run.progress as RunCounts | null;
  console.log(`run ${run.id} "${run.name}": ${statusLabel(run.status)}${run.stage ? ` (stage ${run.stage})` : ""}${run.error ? ` — ${run.error}` : ""}`);
  const s = counts.samples;
  console.log(`samples: ${s.total} (ds1 ${s.ds1}, ds2 ${s.ds2}, ds3 ${s.ds3}) · accepted ${s.accepted} · filtered ${s.filtered}`);
  const steps = Object.entries(counts.steps).map(([stage, c]) => `${stage} ${c.done} done${c.failed ? `, ${c.failed} failed` : ""}`);
  console.log(`steps: ${steps.join(" · ") || "none yet"} · agents ${counts.agents} · memory entries ${counts.memoryEntries} · messages ${counts.messages}`);
  const causes = rankCauses(progress?.failureCauses);
  if (causes.length) {
    console.log("failed by cause:");
    for (const c of causes) console.log(`  ${String(c.steps).padStart(6)} steps ${String(c.calls).padStart(6)} calls  ${c.label}${c.example ? ` — ${c.example.slice(0, 160)}` : ""}`);
  }
  if (progress?.usage) console.log(`tokens: ${progress.usage.inputTokens} in, ${progress.usage.outputTokens} out, ${progress.usage.calls} calls${progress.usage.costUsd !== null ? `, $${progress.usage.costUsd.toFixed(4)}` : ""}`);
  const langs = Object.entries(counts.byLanguage).sort(([a], [b]) => a.localeCompare(b));
  if (langs.length) {
    console.log(["LANGUAGE".padEnd(9), "DS1".padStart(6), "DS2".padStart(6), "DS3".padStart(6), "ACCEPTED".padStart(9), "FILTERED".padStart(9)].join(" "));
    for (const [l, c] of langs) console.log([l.padEnd(9), String(c.ds1).padStart(6), String(c.ds2).padStart(6), String(c.ds3).padStart(6), String(c.accepted).padStart(9), String(c.filtered).padStart(9)].join(" "));
  }
}

async function withDb(fn: (db: Db) => Promise<void>): Promise<void> {
  const db = await openDb();
  try {
    await fn(db);
  } finally {
    await db.$disconnect();
  }
}

export default function register(program: Command): void {
  const runs = program.command("runs").description("Generation runs");
  runs
    .command("list")
    .description("List recent runs")
    .option("-s, --status <status>", "queued | running | paused | succeeded | completed_with_errors | failed | cancelled")
    .option("-n, --limit <n>", "how many", (v) => Number.parseInt(v, 10), 20)
    .option("--json", "print JSON lines")
    .action((opts: { status?: string; limit: number; json?: boolean }) =>
      withDb(async (db) => {
        const rows = await listRuns(db, opts);
        if (opts.json) return rows.forEach((r) => console.log(JSON.stringify(r)));
        console.log(["ID".padEnd(26), "STATUS".padEnd(21), "STAGE".padEnd(8), "SAMPLES".padStart(8), "CREATED".padEnd(24), "NAME"].join(" "));
        for (const r of rows) {
          const c = r.counts as RunCounts | null;
          const n = c ? c.samples.ds1 + c.samples.ds2 + c.samples.ds3 : 0;
          console.log([r.id.padEnd(26), r.status.padEnd(21), (r.stage ?? "").padEnd(8), String(n).padStart(8), r.createdAt.toISOString().padEnd(24), r.name].join(" "));
        }
        if (rows.length === 0) console.log("(no runs)");
      }),
    );
  runs
    .command("show <id>")
    .description("A run's status and counts")
    .option("--json", "print JSON")
    .action((id: string, opts: { json?: boolean }) => withDb((db) => printRunSummary(db, id, opts.json)));
  runs
    .command("export-config <id>")
    .description("A run's config as YAML (API keys left out): the file `xinstruct generate --config` and the UI import")
    .option("-o, --out <file>", "write it here instead of stdout")
    .action((id: string, opts: { out?: string }) =>
      withDb(async (db) => {
        const yaml = await exportRunConfig(db, id, "yaml");
        if (opts.out) writeFileSync(opts.out, yaml);
        else process.stdout.write(yaml);
      }),
    );
  runs
    .command("samples <id>")
    .description("Write a run's samples as JSONL")
    .requiredOption("-o, --out <file>", "output file")
    .option("--part <part>", "ds1 | ds2 | ds3")
    .action((id: string, opts: { out: string; part?: string }) =>
      withDb(async (db) => {
        console.log(`wrote ${await writeSamplesJsonl(db, id, opts.out, { part: opts.part })} samples to ${opts.out}`);
      }),
    );
  runs
    .command("calls <id>")
    .description(`A run's model calls, each answer as the model sent it (outcomes: ${CALL_OUTCOMES.join(", ")})`)
    .option("--outcome <outcome>", "only calls with this outcome, e.g. cut-off")
    .option("--step <prefix>", "only steps whose name starts with this, e.g. ds1:py-0:0")
    .option("-n, --limit <n>", "how many", (v) => Number.parseInt(v, 10), 20)
    .option("--after <seq>", "continue after this event seq", (v) => Number.parseInt(v, 10))
    .option("--json", "print JSON lines (the full answers)")
    .action((id: string, opts: { outcome?: string; step?: string; limit: number; after?: number; json?: boolean }) =>
      withDb(async (db) => {
        const calls = await listRunCalls(db, id, { outcome: opts.outcome as CallOutcome | undefined, step: opts.step, limit: opts.limit, after: opts.after });
        if (opts.json) return calls.forEach((c) => console.log(JSON.stringify(c)));
        for (const c of calls) {
          const budget = c.maxOutputTokens ? ` · max ${c.maxOutputTokens} tokens` : "";
          console.log(`#${c.seq} ${c.step} · ${c.kind} · attempt ${c.attempt} · ${c.outcome}${c.status ? ` ${c.status}` : ""}${c.mode ? ` · ${c.mode}` : ""}${budget} · ${c.durationMs} ms`);
          if (c.error) console.log(`  error: ${c.error}`);
          if (c.text !== undefined) console.log(c.text.length > 2000 ? `${c.text.slice(0, 2000)}\n  … (${c.text.length} characters; --json for all)` : c.text);
        }
        if (calls.length === 0) console.log("(no calls)");
      }),
    );
  for (const [verb, fn] of [["pause", pauseRun], ["resume", resumeRun], ["cancel", cancelRun]] as const) {
    runs
      .command(`${verb} <id>`)
      .description(`${verb[0].toUpperCase()}${verb.slice(1)} a run${verb === "resume" ? " (a worker continues it from where it stopped)" : ""}`)
      .action((id: string) =>
        withDb(async (db) => {
          const run = await fn(db, id);
          console.log(`${run.id} ${run.status}`);
        }),
      );
  }
}
