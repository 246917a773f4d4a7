import "server-only";
import { cancellable, type AgentContext } from "@/lib/agents/context";
import { createAgents } from "@/lib/agents/create-agents";
import { seedFromSnippet, seedSampleId } from "@/lib/agents/generate-seed";
import type { AgentState } from "@/lib/agents/agent";
import { seedTasks } from "@/lib/agents/in-memory-run";
import { runDiscussion } from "@/lib/agents/run-discussion";
import { mapPool } from "@/lib/agents/schedulers";
import { sleep } from "@/lib/domain/sleep";
import type { Db } from "@/lib/db/client";
import { planRunDiscussions, type PlannedDiscussion } from "@/lib/domain/discussion-protocol";
import type { RunConfig } from "@/lib/domain/run-config";
import type { InstructionSample } from "@/lib/domain/sample";
import { AGENTS_STEP_KEY } from "./ids";
import { applyToMember } from "./replay-agents";
import type { RunClaims } from "./run-claims";
import { refreshLedger, type RunLedger } from "./run-ledger";
import type { RunProgress } from "./run-progress";
import type { StepCommitter } from "./step-committer";
import { agentsWrite, discussWrite, seedWrite, type DiscussOutput, type SeedOutput } from "./step-writes";

/**
 * The seed and discuss stages of a run shared by several jobs (the run's shards, on any workers
 * that share the database). Each unit (a seed task, the agents, a discussion) is claimed before
 * it runs (RunClaims), so none runs twice; a job that dies leaves its claims to expire and another
 * job takes them over. What others stored is read back from the run's steps.
 *
 * Same samples whatever the number of workers: a discussion starts only when every earlier
 * discussion of each of its members is stored (whoever ran it), and a member's state is its seed
 * state with its discussions applied in plan order (applyToMember) — exactly the state a
 * one-worker run gives it. A discussion's outcome depends only on its members' states, its id and
 * the run's seed.
 */

export interface SharedStagesOptions {
  db: Db;
  runId: string;
  ctx: AgentContext;
  config: RunConfig;
  ledger: RunLedger;
  progress: RunProgress;
  committer: StepCommitter;
  claims: RunClaims;
  concurrency: number;
  snippets: Parameters<typeof seedTasks>[0];
  dbIds: Map<string, string>;
  signal: AbortSignal;
  /** how often to look for others' steps when there is nothing to start */
  pollMs?: number;
}

export async function runSharedStages(o: SharedStagesOptions): Promise<void> {
  const { db, runId, ctx, config, ledger, progress, committer, claims, signal } = o;
  const pollMs = o.pollMs ?? 300;

  // ---- stage "seed": every task claimed before it runs; then wait for the others' tasks
  const tasks = seedTasks(o.snippets, config);
  progress.setStage("seed", tasks.length);
  committer.addEvent("stage", { stage: "seed", total: tasks.length, done: progress.counts.seed.done });
  const seedKey = (i: number) => seedSampleId(tasks[i].snippet, tasks[i].mode, tasks[i].index);
  for (;;) {
    for (const t of await refreshLedger(db, runId, ledger, "seed", (k) => ledger.seeds.has(k.slice("seed:".length)))) progress.add(t);
    const todo = tasks.flatMap((_, i) => (ledger.seeds.has(seedKey(i)) ? [] : [i]));
    if (todo.length === 0 || signal.aborted) break;
    let ran = 0;
    await mapPool(todo, o.concurrency, async (i) => {
      if (ledger.seeds.has(seedKey(i)) || !(await claims.claim(`seed:${seedKey(i)}`))) return;
      ran++;
      const t = tasks[i];
      const r = await cancellable(() => seedFromSnippet(ctx, t.snippet, t.mode, t.index));
      if (!r) return;
      const write = seedWrite(runId, r, o.dbIds.get(t.snippet.id));
      ledger.seeds.set(seedKey(i), write.step.output as SeedOutput);
      committer.add(write);
    }, signal);
    await committer.flush();
    if (ran === 0) await sleep(pollMs, signal);
  }
  if (signal.aborted) return;

  // ---- the agents (written once), then stage "discuss"
  const seedSamples = tasks.map((_, i) => ledger.seeds.get(seedKey(i))?.sample).filter((s): s is InstructionSample => Boolean(s));
  const created = createAgents(seedSamples, config);
  if (!ledger.agentsDone && (await claims.claim(AGENTS_STEP_KEY))) {
    committer.add(agentsWrite(runId, [...created.agents.values()], created.events));
    ledger.agentsDone = true;
  }
  const plan = planRunDiscussions(created.agents, config);
  progress.setStage("discuss", plan.length);
  committer.addEvent("stage", { stage: "discuss", total: plan.length, done: progress.counts.discuss.done, agents: created.agents.size });
  await discuss(o, plan, created.agents, pollMs);
  await committer.flush();
}

async function discuss(o: SharedStagesOptions, plan: PlannedDiscussion[], seedStates: Map<string, AgentState>, pollMs: number): Promise<void> {
  const { db, runId, ctx, config, ledger, progress, committer, claims, signal } = o;
  const finished = ledger.discussions;
  // each agent's discussions in plan order, and how many of them its state already holds
  const byAgent = new Map<string, PlannedDiscussion[]>();
  for (const d of plan) for (const m of d.memberIds) (byAgent.get(m) ?? byAgent.set(m, []).get(m)!).push(d);
  const states = new Map(seedStates);
  const applied = new Map<string, number>();
  const position = new Map<string, number>(); // `${agent} ${discussion}` -> index in the agent's list
  for (const [m, list] of byAgent) list.forEach((d, i) => position.set(`${m} ${d.id}`, i));
  // a discussion stored after its own predecessors: the previous one of each member stored means all earlier are
  const ready = (d: PlannedDiscussion) => d.after.every((p) => finished.has(p));
  const stateFor = (m: string, d: PlannedDiscussion): AgentState => {
    const list = byAgent.get(m)!;
    const upTo = position.get(`${m} ${d.id}`)!;
    let state = states.get(m)!;
    for (let i = applied.get(m) ?? 0; i < upTo; i++) state = applyToMember(state, list[i], finished.get(list[i].id)!, config);
    states.set(m, state);
    applied.set(m, upTo);
    return state;
  };

  const inFlight = new Set<string>();
  const heldElsewhere = new Map<string, number>();
  let wake: () => void = () => {};
  let failure: unknown = null;
  let lastRefresh = 0;
  const refresh = async () => {
    lastRefresh = Date.now();
    for (const t of await refreshLedger(db, runId, ledger, "discuss", (k) => finished.has(k.slice("discuss:".length)))) progress.add(t);
  };

  await refresh();
  let open = 0; // plan[0..open) are all stored
  while (!signal.aborted && !failure) {
    while (open < plan.length && finished.has(plan[open].id)) open++;
    if (open === plan.length) break;
    let started = 0;
    for (let i = open; i < plan.length; i++) {
      const d = plan[i];
      if (inFlight.size >= o.concurrency || signal.aborted) break;
      if (finished.has(d.id) || inFlight.has(d.id) || (heldElsewhere.get(d.id) ?? 0) > Date.now() || !ready(d)) continue;
      if (!(await claims.claim(`discuss:${d.id}`))) {
        heldElsewhere.set(d.id, Date.now() + pollMs);
        continue;
      }
      inFlight.add(d.id);
      started++;
      const agents = d.memberIds.map((m) => stateFor(m, d));
      void cancellable(() => runDiscussion(ctx, { id: d.id, agents }))
        .then((r) => {
          if (!r) return;
          const write = discussWrite(runId, r, config.discussion.mode === "centralized" ? d.memberIds[0] : null);
          finished.set(d.id, write.step.output as DiscussOutput);
          committer.add(write);
        })
        .catch((e) => { failure ??= e; })
        .finally(() => { inFlight.delete(d.id); wake(); });
    }
    if (started === 0 || Date.now() - lastRefresh > pollMs) {
      // nothing to start: wait for one of ours to end or for others' steps
      await Promise.race([new Promise<void>((r) => { wake = r; }), sleep(pollMs, signal)]);
      if (Date.now() - lastRefresh >= pollMs) await refresh();
    }
  }
  while (inFlight.size) await new Promise<void>((r) => { wake = r; });
  if (failure) throw failure;
}
