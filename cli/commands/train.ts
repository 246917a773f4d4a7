import type { Command } from "commander";
import { readFileSync } from "node:fs";
import cliProgress from "cli-progress";
import { openDb } from "@/lib/cli/open-db";
import { AppError } from "@/lib/errors";
import { trainConfigFromYaml } from "@/lib/training/config-yaml";
import { planForLaunch } from "@/lib/training/dataset-stats";
import { toLlamaFactoryYaml, toTrlConfig, type MeasuredPlan } from "@/lib/training/export-formats";
import { planLines } from "@/lib/training/plan-preview";
import { cancelTrainingJob, createTrainingJob, listTrainingJobs, prepareResume, previewTraining } from "@/lib/training/jobs-service";
import { launchTrainingJob, resumeTrainingJob } from "@/lib/training/launch";
import { runTrainingJob } from "@/lib/training/run-training";
import { defaultAppUrl, trainingWorkRoot } from "@/lib/training/settings";
import type { Db } from "@/lib/db/client";

interface TrainOpts { config: string; backend?: string; detach?: boolean; dryRun?: boolean; samples?: string; export?: string; appUrl?: string; quiet?: boolean }

/**
 * `xinstruct train --config train.yaml [--backend local|ssh|slurm]`: the same job the form
 * launches, run in the foreground (Ctrl-C stops it after a checkpoint; `training resume ID`
 * continues) or queued for the worker with --detach. Its curves show on the dashboard.
 */
export default function register(program: Command): void {
  program
    .command("train")
    .description("Fine-tune (SFT or DPO) from a YAML config, locally, over SSH or on Slurm")
    .requiredOption("-c, --config <file>", "training config (YAML)")
    .option("-b, --backend <backend>", "local | ssh | slurm (overrides the config)")
    .option("--detach", "queue the job for the worker and print its id")
    .option("--dry-run", "print the command or sbatch script and the step plan, and exit")
    .option("--samples <n>", "samples in the dataset, for the --dry-run plan when the file is not on this host")
    .option("--export <format>", "print the job as llamafactory (YAML) or trl (config + command) and exit")
    .option("--app-url <url>", "the dashboard's URL as the training host sees it (metrics endpoint)")
    .option("-q, --quiet", "no trainer log on stderr")
    .action(async (opts: TrainOpts) => {
      const overrides: Record<string, unknown> = {};
      if (opts.backend) {
        if (!["local", "ssh", "slurm"].includes(opts.backend)) throw new AppError("invalid:backend", `--backend must be local, ssh or slurm, not ${opts.backend}`);
        overrides.backend = opts.backend;
      }
      if (opts.appUrl) overrides.appUrl = opts.appUrl;
      const config = trainConfigFromYaml(readFileSync(opts.config, "utf8"), overrides);
      if (opts.export) return printExport(config, opts.export, await planForLaunch(config));
      const placement = { workRoot: trainingWorkRoot(), appUrl: opts.appUrl ?? defaultAppUrl() };
      if (opts.dryRun) {
        console.log(previewTraining(config, placement).command);
        const samples = opts.samples === undefined ? undefined : Number(opts.samples);
        if (samples !== undefined && !(Number.isInteger(samples) && samples > 0)) throw new AppError("invalid:samples", `--samples must be a positive whole number, not ${opts.samples}`);
        const plan = await planForLaunch(config, samples);
        console.log(plan ? planLines(plan).map((l) => `# plan: ${l}`).join("\n") : "# plan: the dataset is not on this host; pass --samples N to see the steps, accumulation and warm-up share");
        return;
      }
      const db = await openDb();
      try {
        if (opts.detach) {
          const job = await launchTrainingJob(db, config, placement);
          console.log(job.id);
          return;
        }
        const job = await createTrainingJob(db, config, placement);
        await runForeground(db, job.id, false, opts.quiet);
      } finally {
        await db.$disconnect();
      }
    });

  const training = program.command("training").description("Training jobs: list, cancel, resume");
  training
    .command("list")
    .description("Recent training jobs")
    .option("--json", "print JSON lines")
    .action(async (opts: { json?: boolean }) => {
      const db = await openDb();
      const jobs = await listTrainingJobs(db, 50);
      for (const j of jobs) {
        if (opts.json) console.log(JSON.stringify({ id: j.id, name: j.name, kind: j.kind, backend: j.backend, status: j.status, createdAt: j.createdAt }));
        else console.log([j.id.padEnd(26), j.kind.padEnd(4), j.backend.padEnd(6), j.status.padEnd(10), j.name].join(" "));
      }
      if (!opts.json && jobs.length === 0) console.log("(no training jobs)");
      await db.$disconnect();
    });
  training
    .command("cancel <id>")
    .description("Stop a job (the trainer saves a checkpoint first)")
    .action(async (id: string) => {
      const db = await openDb();
      const job = await cancelTrainingJob(db, id);
      console.log(`${job.id} ${job.status}`);
      await db.$disconnect();
    });
  training
    .command("resume <id>")
    .description("Continue a failed, cancelled or stopped job from its last checkpoint")
    .option("--detach", "queue it for the worker")
    .option("-q, --quiet", "no trainer log on stderr")
    .action(async (id: string, opts: { detach?: boolean; quiet?: boolean }) => {
      const db = await openDb();
      try {
        if (opts.detach) console.log((await resumeTrainingJob(db, id)).id);
        else {
          await prepareResume(db, id);
          await runForeground(db, id, true, opts.quiet);
        }
      } finally {
        await db.$disconnect();
      }
    });
}

function printExport(config: Parameters<typeof toLlamaFactoryYaml>[0], format: string, plan: MeasuredPlan | null): void {
  if (format === "llamafactory") console.log(toLlamaFactoryYaml(config, plan));
  else if (format === "trl") {
    const trl = toTrlConfig(config);
    console.log(`${trl.yaml}\n# Run:\n# ${trl.command}`);
  } else throw new AppError("invalid:export", `--export must be llamafactory or trl, not ${format}`);
}

async function runForeground(db: Db, id: string, resume: boolean, quiet?: boolean): Promise<void> {
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty ? new cliProgress.SingleBar({ format: "training [{bar}] {value}/{total} steps | loss {loss}", stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  const abort = new AbortController();
  const onSignal = () => {
    process.stderr.write("\n[xinstruct] stopping: the trainer saves a checkpoint first (Ctrl-C again to force)\n");
    process.once("SIGINT", () => process.exit(130));
    abort.abort();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.stderr.write(`[xinstruct] training job ${id}\n`);
  const job = await runTrainingJob({
    db, id, resume, signal: abort.signal,
    onLine: (line) => {
      const m = /^step (\d+)\/(\d+) loss (\S+)/.exec(line);
      if (bar && m) {
        if (!started) { bar.start(Number(m[2]), 0, { loss: "?" }); started = true; }
        bar.update(Number(m[1]), { loss: m[3] });
      } else if (!quiet && !bar) process.stderr.write(`${line}\n`);
    },
  });
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  bar?.stop();
  const loss = await db.metricPoint.findFirst({ where: { trainingJobId: id, name: "loss" }, orderBy: { step: "desc" } });
  console.log(JSON.stringify({ id, status: job.status, lastStep: loss?.step ?? null, loss: loss?.value ?? null, error: job.error ?? null }));
  if (job.status === "stopped" || job.status === "cancelled") process.stderr.write(`[xinstruct] resume with: xinstruct training resume ${id}\n`);
  if (job.status === "failed") process.exitCode = 1;
}
