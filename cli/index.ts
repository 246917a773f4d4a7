import { Command } from "commander";
import { isAppError } from "@/lib/errors";
import { scrubSecrets } from "@/lib/secrets/scrub";
import registerDb from "@/cli/commands/db";
import registerWorker from "@/cli/commands/worker";
import registerJobs from "@/cli/commands/jobs";
import registerEval from "@/cli/commands/eval";
import registerTrain from "@/cli/commands/train";
import registerCorpus from "@/cli/commands/corpus";
import registerRunPrograms from "@/cli/commands/run-programs";
import registerSamples from "@/cli/commands/samples";
import registerExport from "@/cli/commands/export";
import registerGenerate from "@/cli/commands/generate";
import registerRuns from "@/cli/commands/runs";
import registerDpo from "@/cli/commands/dpo";
import registerAblate from "@/cli/commands/ablate";
import registerEndpoints from "@/cli/commands/endpoints";

const program = new Command();
program.name("xinstruct").description("Multilingual code-instruction data: generate, verify, curate, train, evaluate.").showHelpAfterError();

for (const register of [registerDb, registerWorker, registerJobs, registerEval, registerTrain, registerCorpus, registerRunPrograms, registerSamples, registerExport, registerGenerate, registerRuns, registerDpo, registerAblate, registerEndpoints]) register(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  // A user-facing message for known errors; internal detail stays out of the terminal.
  process.stderr.write(`error: ${scrubSecrets(isAppError(e) ? e.message : e instanceof Error ? e.message : String(e))}\n`);
  process.exit(1);
});
