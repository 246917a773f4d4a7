import { rngFor, type Rng } from "./seeded-rng";
import type { MemoryEntry } from "./memory-queue";
import type { TargetRule } from "./prompts/discussion-prompts";

/**
 * The discussion protocol as pure functions: who discusses with whom (agents of different
 * languages, seeded), which memory sample each brings (the seed at its first discussion, then
 * one at random), which operations apply and which target languages are allowed.
 */

export interface AgentRef {
  id: string;
  language: string;
}

export interface GroupOptions {
  groupSize: number;
  distinctLanguages: boolean;
}

/**
 * One round's groups; each agent is in at most one group, the first member is the main agent.
 * With distinct languages, each group takes one agent from each of the languages with the most
 * agents left, which keeps groups mixed for as long as possible; agents of a language left over
 * then form same-language groups; a last single agent sits the round out.
 */
export function formGroups(agents: readonly AgentRef[], options: GroupOptions, rng: Rng): string[][] {
  const size = Math.max(2, options.groupSize);
  const groups: string[][] = [];
  if (!options.distinctLanguages) {
    const ids = rng.shuffle(agents.map((a) => a.id));
    for (let i = 0; i + 1 < ids.length; i += size) groups.push(ids.slice(i, i + size));
    return groups;
  }
  const buckets = new Map<string, string[]>();
  for (const a of agents) {
    const b = buckets.get(a.language) ?? [];
    b.push(a.id);
    buckets.set(a.language, b);
  }
  // shuffled language order breaks ties between equally large buckets
  const languages = rng.shuffle([...buckets.keys()]);
  for (const l of languages) buckets.set(l, rng.shuffle(buckets.get(l)!));
  for (;;) {
    const open = languages.filter((l) => buckets.get(l)!.length > 0).sort((x, y) => buckets.get(y)!.length - buckets.get(x)!.length);
    if (open.length < 2) break;
    const group = open.slice(0, size).map((l) => buckets.get(l)!.pop()!);
    groups.push(rng.shuffle(group));
  }
  const rest = languages.flatMap((l) => buckets.get(l)!);
  for (let i = 0; i + 1 < rest.length; i += size) groups.push(rest.slice(i, i + size));
  return groups;
}

export interface PlannedDiscussion {
  id: string;
  round: number;
  index: number;
  /** main agent first */
  memberIds: string[];
  /** discussions that must finish first: the previous one of each member */
  after: string[];
}

/**
 * The whole discussion stage, known before it starts: rounds of groups until `count`
 * discussions. It depends only on the agents and the seed, so a resumed run finds the same
 * plan and skips what is done, and independent groups can run concurrently without changing
 * any result.
 */
export function planDiscussions(agents: readonly AgentRef[], options: GroupOptions & { count: number; seed: number }): PlannedDiscussion[] {
  const plan: PlannedDiscussion[] = [];
  const last = new Map<string, string>();
  for (let round = 1; plan.length < options.count; round++) {
    const groups = formGroups(agents, options, rngFor(options.seed, "groups", round));
    if (groups.length === 0) break;
    for (let index = 0; index < groups.length && plan.length < options.count; index++) {
      const memberIds = groups[index];
      const id = `d${round}.${index}`;
      const after = [...new Set(memberIds.map((m) => last.get(m)).filter((x): x is string => Boolean(x)))];
      plan.push({ id, round, index, memberIds, after });
      for (const m of memberIds) last.set(m, id);
    }
  }
  return plan;
}

/** The sample an agent brings: its seed at its first discussion, then one of its memory at random. */
export function pickMemorySample<T>(
  agent: { seedSampleId: string; discussions: number; memory: { entries: MemoryEntry<T>[] } },
  rng: Rng,
): MemoryEntry<T> {
  const entries = agent.memory.entries;
  if (agent.discussions === 0) {
    const seed = entries.find((e) => e.id === agent.seedSampleId);
    if (seed) return seed;
  }
  return rng.pick(entries);
}

export function pickOperations<T>(operations: readonly T[], count: number, rng: Rng): T[] {
  return rng.shuffle(operations).slice(0, Math.max(1, Math.min(count, operations.length)));
}

export function targetRule(rule: TargetRule["rule"], groupLanguages: readonly string[], runLanguages: readonly string[]): TargetRule {
  const group = [...new Set(groupLanguages)];
  const all = [...new Set([...runLanguages, ...group])];
  if (rule === "group") return { rule, allowed: group };
  if (rule === "new") {
    const fresh = all.filter((l) => !group.includes(l));
    if (fresh.length > 0) return { rule, allowed: fresh };
  }
  return { rule: "free", allowed: all };
}

/** A run's discussions: its agents grouped as its config says, as many as its Ds3 target. */
export function planRunDiscussions(agents: ReadonlyMap<string, { id: string; language: string }>, config: { seed: number; discussion: GroupOptions; targets: { ds3Samples: number } }): PlannedDiscussion[] {
  return planDiscussions([...agents.values()].map((a) => ({ id: a.id, language: a.language })), {
    groupSize: config.discussion.groupSize, distinctLanguages: config.discussion.distinctLanguages, count: config.targets.ds3Samples, seed: config.seed,
  });
}
