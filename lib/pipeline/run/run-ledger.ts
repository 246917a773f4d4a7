import "server-only";
import type { Db } from "@/lib/db/client";
import type { Usage } from "@/lib/llm/usage";
import type { FailureCauses } from "@/lib/domain/failure-causes";
import { AGENTS_STEP_KEY } from "./ids";
import type { Tally } from "./run-progress";
import type { DiscussOutput, SeedOutput } from "./step-writes";

/** What a run has already done, read back from its RunStep rows when a worker (re)starts it. */
export interface RunLedger {
  /** by runtime sample id (ds1:<snippet>:0) */
  seeds: Map<string, SeedOutput>;
  /** by discussion id (d1.0) */
  discussions: Map<string, DiscussOutput>;
  agentsDone: boolean;
  tallies: Tally[];
}

export async function loadLedger(db: Db, runId: string): Promise<RunLedger> {
  const rows = await db.runStep.findMany({ where: { runId }, select: { key: true, stage: true, status: true, output: true, usage: true, error: true }, orderBy: { createdAt: "asc" } });
  const ledger: RunLedger = { seeds: new Map(), discussions: new Map(), agentsDone: false, tallies: [] };
  for (const row of rows) {
    const output = (row.output ?? {}) as Partial<SeedOutput & DiscussOutput & { agents: number }>;
    const stage = row.stage as Tally["stage"];
    if (stage === "seed") ledger.seeds.set(row.key.slice("seed:".length), output as SeedOutput);
    else if (stage === "discuss") ledger.discussions.set(row.key.slice("discuss:".length), output as DiscussOutput);
    else if (row.key === AGENTS_STEP_KEY) ledger.agentsDone = true;
    ledger.tallies.push({ stage, sample: output.sample ?? null, usage: row.usage as unknown as Usage, failed: row.status === "failed", failures: output.failures?.length ?? 0, agents: output.agents ?? 0, causes: output.causes ?? legacyCauses(row.status === "failed", row.error) });
  }
  return ledger;
}

/** A failed step stored before causes were counted: counted, under an unknown cause. */
function legacyCauses(failed: boolean, error: string | null): FailureCauses {
  return failed ? { error: { steps: 1, calls: 0, ...(error ? { example: error } : {}) } } : {};
}
