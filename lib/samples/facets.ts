import "server-only";
import type { Db } from "@/lib/db/client";

/** What the filter bar offers: the runs (newest first) and the languages that have samples. */
export async function sampleFacets(db: Db): Promise<{ runs: { id: string; name: string }[]; languages: string[] }> {
  const [runs, langs] = await Promise.all([
    db.run.findMany({ orderBy: { createdAt: "desc" }, take: 500, select: { id: true, name: true } }),
    db.sample.groupBy({ by: ["language"], orderBy: { language: "asc" } }),
  ]);
  return { runs, languages: langs.map((l) => l.language) };
}
