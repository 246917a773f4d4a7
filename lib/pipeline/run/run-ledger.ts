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

type StepRow = { key: string; stage: string; status: string; output: unknown; usage: unknown; error: string | null };
const STEP_FIELDS = { key: true, stage: true, status: true, output: true, usage: true, error: true } as const;

export function emptyLedger(): RunLedger {
  return { seeds: new Map(), discussions: new Map(), agentsDone: false, tallies: [] };
}

/** Adds a stored step to the ledger; returns its tally (what progress counts of it). */
export function addStepToLedger(ledger: RunLedger, row: StepRow): Tally {
  const output = (row.output ?? {}) as Partial<SeedOutput & DiscussOutput & { agents: number }>;
  const stage = row.stage as Tally["stage"];
  if (stage === "seed") ledger.seeds.set(row.key.slice("seed:".length), output as SeedOutput);
  else if (stage === "discuss") ledger.discussions.set(row.key.slice("discuss:".length), output as DiscussOutput);
  else if (row.key === AGENTS_STEP_KEY) ledger.agentsDone = true;
  const tally: Tally = { stage, sample: output.sample ?? null, usage: row.usage as unknown as Usage, failed: row.status === "failed", failures: output.failures?.length ?? 0, agents: output.agents ?? 0, causes: output.causes ?? legacyCauses(row.status === "failed", row.error) };
  ledger.tallies.push(tally);
  return tally;
}

export async function loadLedger(db: Db, runId: string): Promise<RunLedger> {
  const rows = await db.runStep.findMany({ where: { runId }, select: STEP_FIELDS, orderBy: { createdAt: "asc" } });
  const ledger = emptyLedger();
  for (const row of rows) addStepToLedger(ledger, row);
  return ledger;
}

/**
 * The steps of a stage that other workers stored since the ledger was read (keys the ledger
 * does not hold yet), added to it; returns their tallies. Reads keys first, outputs only of new ones.
 */
export async function refreshLedger(db: Db, runId: string, ledger: RunLedger, stage: "seed" | "discuss", known: (key: string) => boolean): Promise<Tally[]> {
  const keys = await db.runStep.findMany({ where: { runId, stage }, select: { key: true } });
  const fresh = keys.map((k) => k.key).filter((k) => !known(k));
  if (fresh.length === 0) return [];
  const rows = await db.runStep.findMany({ where: { runId, key: { in: fresh } }, select: STEP_FIELDS, orderBy: { createdAt: "asc" } });
  return rows.map((row) => addStepToLedger(ledger, row));
}

/** A failed step stored before causes were counted: counted, under an unknown cause. */
function legacyCauses(failed: boolean, error: string | null): FailureCauses {
  return failed ? { error: { steps: 1, calls: 0, ...(error ? { example: error } : {}) } } : {};
}
