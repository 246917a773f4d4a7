import type { Db } from "@/lib/db/client";
import { defaultRunConfig } from "@/lib/domain/run-config";
import { ds3SampleId } from "@/lib/agents/run-discussion";
import { dbAgentId, dbSampleId, discussStepKey } from "@/lib/pipeline/run/ids";

/**
 * A finished run as large as real ones get (hundreds of agents, hundreds of discussions), written
 * straight to the tables the run page reads, for the tests and the e2e of its paging and search.
 * Agent `agent:<lang>:<i>` has best memory score 1 + (i mod 5); discussion `d<k>` joins agents k
 * and k+1 (mod agents), targets the first one's language, and its Ds3 sample scores 1 + (k mod 5).
 */

export const LARGE_RUN_LANGUAGES = ["py", "java", "cpp", "ts"];
export const largeAgentId = (i: number) => `agent:${LARGE_RUN_LANGUAGES[i % LARGE_RUN_LANGUAGES.length]}:${i}`;

export async function seedLargeRun(db: Db, opts: { name: string; agents: number; discussions: number }): Promise<string> {
  const config = { ...defaultRunConfig(), languages: LARGE_RUN_LANGUAGES };
  const run = await db.run.create({ data: { name: opts.name, status: "succeeded", stage: "discuss", config: config as object } });
  const id = run.id;
  const lang = (i: number) => LARGE_RUN_LANGUAGES[i % LARGE_RUN_LANGUAGES.length];
  const chunks = <T>(xs: T[], n = 500) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));
  const agents = Array.from({ length: opts.agents }, (_, i) => ({ id: dbAgentId(id, largeAgentId(i)), runId: id, language: lang(i), profile: `a ${lang(i)} agent`, operations: [] }));
  for (const c of chunks(agents)) await db.agent.createMany({ data: c });
  const memory = agents.map((a, i) => ({ agentId: a.id, sampleId: dbSampleId(id, `seed:${i}`), score: 1 + (i % 5) }));
  for (const c of chunks(memory)) await db.memoryEntry.createMany({ data: c });

  const steps = [], messages = [], samples = [];
  const t0 = Date.now() - opts.discussions * 1000;
  for (let k = 0; k < opts.discussions; k++) {
    const d = `d${k}`;
    const a = k % opts.agents;
    const b = (k + 1) % opts.agents;
    const createdAt = new Date(t0 + k * 1000);
    const instruction = `Discussion ${d}: write a ${lang(a)} function that merges interval lists number ${k}.`;
    steps.push({ runId: id, key: discussStepKey(d), stage: "discuss", status: "done", createdAt });
    const msg = (n: number, agentId: string | null, role: string, language: string | null, content: object) =>
      ({ id: `${id}:${d}:${String(n).padStart(3, "0")}`, runId: id, discussionId: d, agentId, role, language, content: JSON.stringify({ kind: role, ...content }), createdAt });
    messages.push(
      msg(0, dbAgentId(id, largeAgentId(a)), "contribution", lang(a), { agentId: largeAgentId(a), language: lang(a), instruction: `seed of ${largeAgentId(a)}` }),
      msg(1, dbAgentId(id, largeAgentId(b)), "contribution", lang(b), { agentId: largeAgentId(b), language: lang(b), instruction: `seed of ${largeAgentId(b)}` }),
      msg(2, null, "synthesis", lang(a), { targetLanguage: lang(a), operations: ["add-constraints"], instruction, solution: "pass", tests: "" }),
      msg(3, null, "score", null, { mean: 1 + (k % 5), scale: 5, passed: k % 5 >= 2, justification: "seeded" }),
    );
    samples.push({ id: dbSampleId(id, ds3SampleId(d)), runId: id, part: "ds3", language: lang(a), instruction, solution: "pass", score: 1 + (k % 5), stepKey: dbSampleId(id, ds3SampleId(d)), createdAt });
  }
  for (const c of chunks(steps)) await db.runStep.createMany({ data: c });
  for (const c of chunks(messages)) await db.message.createMany({ data: c });
  for (const c of chunks(samples)) await db.sample.createMany({ data: c });
  return id;
}
