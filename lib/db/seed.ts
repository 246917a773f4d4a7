import "server-only";
import type { Db } from "@/lib/db/client";

/**
 * Demo data for a fresh install: the scripted demo model as an endpoint, so a run can be
 * tried offline with no API key. Idempotent.
 */
export async function seedDemoData(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  const existing = await db.modelEndpoint.findUnique({ where: { name: "demo-model" } });
  if (!existing) {
    await db.modelEndpoint.create({ data: { name: "demo-model", provider: "scripted", model: "xinstruct-scripted-v1", maxConcurrency: 64 } });
    created.push("model endpoint demo-model (scripted, offline)");
  }
  return { created };
}
