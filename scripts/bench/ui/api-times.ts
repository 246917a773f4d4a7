// Server time of GET /api/samples: the route handler itself (parse, query, JSON), in process.
import { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { GET } from "@/app/api/samples/route";
import { percentiles, timeIt } from "./stats";
import { RARE_WORD } from "./seed-samples";

async function call(qs: string): Promise<{ items: { id: string }[]; nextCursor: string | null; total?: number }> {
  const res = await GET(new NextRequest(`http://127.0.0.1/api/samples?${qs}`), undefined as never);
  if (res.status !== 200) throw new Error(`${qs}: HTTP ${res.status} ${await res.text()}`);
  return JSON.parse(await res.text());
}

/** The cursor of page `n` (1-based) of a query, to time a deep page. */
async function cursorOfPage(qs: string, n: number): Promise<string> {
  let cursor = "";
  for (let i = 1; i < n; i++) {
    const page = await call(`${qs}&cursor=${cursor}`);
    if (!page.nextCursor) throw new Error(`${qs}: fewer than ${n} pages`);
    cursor = page.nextCursor;
  }
  return cursor;
}

export async function apiTimes(runId: string, reps: number) {
  const cases: [string, string][] = [
    ["first page, no filter", "limit=100"],
    ["first page with total count", "limit=100&total=1"],
    ["page 200 (keyset)", `limit=100&cursor=${await cursorOfPage("limit=100", 200)}`],
    ["run", `runId=${runId}&limit=100`],
    ["language", "language=cs&limit=100"],
    ["part", "part=ds4&limit=100"],
    ["score range", "minScore=4&maxScore=4.5&limit=100"],
    ["verdict failed", "verdict=failed&limit=100"],
    ["verdict not run", "verdict=none&limit=100"],
    ["curation edited", "curation=edited&limit=100"],
    ["search, common", "q=anagram&limit=100"],
    [`search, rare ("${RARE_WORD}")`, `q=${RARE_WORD}&limit=100`],
    ["search rare + total", `q=${RARE_WORD}&limit=100&total=1`],
    ["run + language + score + verdict", `runId=${runId}&language=py&minScore=3&verdict=ok&limit=100`],
    ["same, with total", `runId=${runId}&language=py&minScore=3&verdict=ok&limit=100&total=1`],
    ["sort by score", "sort=score&limit=100"],
    ["sort by score, run, page 50", `sort=score&runId=${runId}&limit=100&cursor=${await cursorOfPage(`sort=score&runId=${runId}&limit=100`, 50)}`],
  ];
  // Baseline: the cheapest page the same client can fetch (100 ids by primary key, no JSON).
  const baseline = percentiles(await timeIt(() => db().sample.findMany({ take: 100, orderBy: { id: "desc" }, select: { id: true } }), reps));
  const rows = [];
  for (const [label, qs] of cases) {
    const t = percentiles(await timeIt(() => call(qs), reps));
    const sample = await call(qs);
    rows.push({ label, ...t, rows: sample.items.length, ratio: t.p50 / baseline.p50 });
  }
  return { baseline, rows };
}
