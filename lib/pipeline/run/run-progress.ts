import { mergeCauses, type FailureCauses } from "@/lib/domain/failure-causes";
import { judgeOutcome, type Judgement } from "@/lib/domain/stage-outcome";
import type { InstructionSample } from "@/lib/domain/sample";
import { addUsage, ZERO_USAGE, type Usage } from "@/lib/llm/usage";

/**
 * A run's progress as the UI and the CLI show it: the stage and how far it is, samples per
 * part and per language, accepted / filtered, failed steps, agents and token usage. Kept in
 * memory by the worker, rebuilt from the ledger on resume, stored in Run.counts and sent as
 * "progress" events.
 */

export type Stage = "seed" | "discuss" | "done";

export interface LanguageCounts {
  ds1: number;
  ds2: number;
  ds3: number;
  accepted: number;
  filtered: number;
}

export interface RunCounts {
  stage: Stage;
  /** within the current stage */
  done: number;
  total: number;
  seed: { done: number; total: number };
  discuss: { done: number; total: number };
  samples: { ds1: number; ds2: number; ds3: number; accepted: number; filtered: number; unscored: number };
  byLanguage: Record<string, LanguageCounts>;
  /** steps that produced no sample */
  failedSteps: number;
  /** model steps that failed inside any step (a failed reflection, a failed critique...) */
  failedCalls: number;
  /** failed steps and failed model calls by cause (lib/domain/failure-causes.ts) */
  failureCauses: FailureCauses;
  agents: number;
  usage: Usage;
}

export interface Tally {
  stage: "seed" | "agents" | "discuss";
  sample: InstructionSample | null;
  usage: Usage;
  failed: boolean;
  failures: number;
  agents: number;
  causes?: FailureCauses;
}

export class RunProgress {
  readonly counts: RunCounts = {
    stage: "seed",
    done: 0,
    total: 0,
    seed: { done: 0, total: 0 },
    discuss: { done: 0, total: 0 },
    samples: { ds1: 0, ds2: 0, ds3: 0, accepted: 0, filtered: 0, unscored: 0 },
    byLanguage: {},
    failedSteps: 0,
    failedCalls: 0,
    failureCauses: {},
    agents: 0,
    usage: ZERO_USAGE,
  };

  setStage(stage: Stage, total?: number): void {
    const c = this.counts;
    c.stage = stage;
    if (stage === "seed" && total !== undefined) c.seed.total = total;
    if (stage === "discuss" && total !== undefined) c.discuss.total = total;
    this.sync();
  }

  add(t: Tally): void {
    const c = this.counts;
    c.usage = addUsage(c.usage, t.usage);
    c.agents += t.agents;
    c.failedCalls += t.failures;
    mergeCauses(c.failureCauses, t.causes);
    if (t.stage === "discuss") c.discuss.done++;
    if (t.stage === "seed") c.seed.done++;
    if (t.failed) c.failedSteps++;
    const s = t.sample;
    if (s) {
      c.samples[s.dataset]++;
      const status = s.status === "accepted" ? "accepted" : s.status === "filtered" ? "filtered" : "unscored";
      c.samples[status]++;
      const l = (c.byLanguage[s.language] ??= { ds1: 0, ds2: 0, ds3: 0, accepted: 0, filtered: 0 });
      l[s.dataset]++;
      if (status === "accepted") l.accepted++;
      else l.filtered++;
    }
    this.sync();
  }

  /** Counts again from these tallies (a shared run's whole ledger), keeping the stage and its totals. */
  recount(tallies: readonly Tally[]): void {
    const c = this.counts;
    Object.assign(c, { seed: { done: 0, total: c.seed.total }, discuss: { done: 0, total: c.discuss.total }, samples: { ds1: 0, ds2: 0, ds3: 0, accepted: 0, filtered: 0, unscored: 0 }, byLanguage: {}, failedSteps: 0, failedCalls: 0, failureCauses: {}, agents: 0, usage: ZERO_USAGE });
    for (const t of tallies) this.add(t);
    this.sync();
  }

  private sync(): void {
    const c = this.counts;
    const part = c.stage === "discuss" ? c.discuss : c.seed;
    c.done = c.stage === "done" ? c.seed.done + c.discuss.done : part.done;
    c.total = c.stage === "done" ? c.seed.total + c.discuss.total : part.total;
  }

  snapshot(): RunCounts {
    return structuredClone(this.counts);
  }
}

export function describeProgress(c: RunCounts): string {
  const s = c.samples;
  return `${c.stage} ${c.done}/${c.total} · ds1 ${s.ds1} ds2 ${s.ds2} ds3 ${s.ds3} · accepted ${s.accepted} filtered ${s.filtered} · failed steps ${c.failedSteps} · ${c.usage.inputTokens + c.usage.outputTokens} tokens`;
}

/** How a finished generation run ends: succeeded, completed with errors or failed (stage-outcome.ts). */
export function judgeRun(c: RunCounts): Judgement {
  const s = c.samples;
  return judgeOutcome({ steps: c.seed.done + c.discuss.done, failedSteps: c.failedSteps, produced: s.ds1 + s.ds2 + s.ds3, causes: c.failureCauses, calls: c.usage.calls });
}
