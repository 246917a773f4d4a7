import "server-only";
import type { Db } from "@/lib/db/client";

/** Runs an ablation can start from, newest first, with their discussion mode and sample count. */
export async function listRunChoices(db: Db) {
  const runs = await db.run.findMany({ orderBy: { createdAt: "desc" }, take: 100, select: { id: true, name: true, config: true, _count: { select: { samples: true } } } });
  return runs.map((r) => ({
    id: r.id,
    name: r.name,
    mode: ((r.config as { discussion?: { mode?: string } }).discussion?.mode === "parallel" ? "parallel" : "centralized") as "centralized" | "parallel",
    samples: r._count.samples,
  }));
}
