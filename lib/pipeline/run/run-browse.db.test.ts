import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { largeAgentId, seedLargeRun } from "@/lib/testing/seed-large-run";
import * as agentsRoute from "@/app/api/runs/[id]/agents/route";
import * as discussionsRoute from "@/app/api/runs/[id]/discussions/route";
import { browseRunAgents, browseRunDiscussions } from "./run-browse";

let t: TestDb;
let runId: string;
beforeAll(async () => {
  t = await createAppTestDb();
  runId = await seedLargeRun(t.db, { name: "large", agents: 503, discussions: 300 });
});
afterAll(async () => { await t.cleanup(); });

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (p: string) => new NextRequest(`http://127.0.0.1${p}`);

describe("browsing a large run's agents and discussions", () => {
  it("agents come a bounded page at a time, every one reachable, searchable by id, language and best score", async () => {
    const first = await browseRunAgents(t.db, runId, { pageSize: 25 });
    expect(first.total).toBe(503);
    expect(first.rows).toHaveLength(25);
    const last = await browseRunAgents(t.db, runId, { pageSize: 25, page: 21 });
    expect(last.rows).toHaveLength(3);
    const seen = new Set<string>();
    for (let p = 1; p <= 21; p++) for (const a of (await browseRunAgents(t.db, runId, { pageSize: 25, page: p })).rows) seen.add(a.id);
    expect(seen.size).toBe(503);

    const one = await browseRunAgents(t.db, runId, { agent: largeAgentId(417).toUpperCase() });
    expect(one.rows.map((a) => a.runtimeId)).toEqual([largeAgentId(417)]);
    expect(one.rows[0]).toMatchObject({ language: "java", memory: 1, reflections: 0, bestScore: 3 });
    // the run id is not part of what is searched
    expect((await browseRunAgents(t.db, runId, { agent: runId.slice(2, 8) })).total).toBe(0);

    const java = await browseRunAgents(t.db, runId, { language: "java", pageSize: 200 });
    expect(java.total).toBe(126);
    expect(java.rows.every((a) => a.language === "java")).toBe(true);
    const good = await browseRunAgents(t.db, runId, { minScore: 5, pageSize: 200 });
    expect(good.total).toBe(100);
    expect(good.rows.every((a) => a.bestScore === 5)).toBe(true);
  });

  it("discussions newest first, all 300 reachable, filtered by agent, language and score together", async () => {
    const first = await browseRunDiscussions(t.db, runId, { pageSize: 20 });
    expect(first.total).toBe(300);
    expect(first.rows.map((d) => d.id).slice(0, 2)).toEqual(["d299", "d298"]);
    const oldest = await browseRunDiscussions(t.db, runId, { pageSize: 20, page: 15 });
    expect(oldest.rows.at(-1)).toMatchObject({ id: "d0", status: "done", score: 1, targetLanguage: "py", agents: [{ id: largeAgentId(0), language: "py" }, { id: largeAgentId(1), language: "java" }] });

    const withAgent = await browseRunDiscussions(t.db, runId, { agent: largeAgentId(217) });
    expect(withAgent.rows.map((d) => d.id).sort()).toEqual(["d216", "d217"]);
    const cpp = await browseRunDiscussions(t.db, runId, { language: "cpp", minScore: 4, pageSize: 200 });
    // cpp joins discussions k with k ≡ 1 or 2 (mod 4); score ≥ 4 when k mod 5 ≥ 3
    const expected = Array.from({ length: 300 }, (_, k) => k).filter((k) => (k % 4 === 1 || k % 4 === 2) && k % 5 >= 3);
    expect(cpp.total).toBe(expected.length);
    expect(cpp.rows.every((d) => (d.score ?? 0) >= 4 && d.agents.some((a) => a.language === "cpp"))).toBe(true);
  });

  it("the routes page and filter by query string, and refuse a bad one with its reason", async () => {
    const res = await agentsRoute.GET(get(`/api/runs/${runId}/agents?page=2&pageSize=10&language=&agent=`), params(runId));
    const body = await res.json();
    expect(body).toMatchObject({ total: 503, page: 2, pageSize: 10 });
    expect(body.agents).toHaveLength(10);
    const d = await (await discussionsRoute.GET(get(`/api/runs/${runId}/discussions?minScore=5&pageSize=5`), params(runId))).json();
    expect(d.total).toBe(60);
    expect(d.discussions.every((x: { score: number }) => x.score === 5)).toBe(true);
    const bad = await discussionsRoute.GET(get(`/api/runs/${runId}/discussions?minScore=high`), params(runId));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/minScore/);
  });
});
