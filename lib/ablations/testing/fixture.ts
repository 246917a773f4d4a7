import type { Db } from "@/lib/db/client";
import { defaultRunConfig } from "@/lib/domain/run-config";

/**
 * A finished run with known samples for ablation tests: ids <run>:s00…, parts and languages in
 * a fixed pattern, one sample filtered by the scorer and one rejected by a curator (neither is
 * training data), and two preference pairs (Ds4).
 */
export const FIXTURE_PARTS = ["ds1", "ds2", "ds3", "ds1", "ds2", "ds3", "ds3", "ds1", "ds2", "ds3", "ds3", "ds1"] as const;
export const FIXTURE_LANGS = ["py", "java", "py", "cpp", "py", "js", "java", "sh", "py", "py", "cs", "java"] as const;
export const FILTERED = 4;
export const REJECTED = 7;

export async function createFixtureRun(db: Db, o: { pairs?: boolean } = {}) {
  const run = await db.run.create({ data: { name: "fixture run", config: defaultRunConfig() as unknown as object, status: "succeeded" } });
  const id = (i: number) => `${run.id}:s${String(i).padStart(2, "0")}`;
  await db.sample.createMany({
    data: FIXTURE_PARTS.map((part, i) => ({
      id: id(i), runId: run.id, part, language: FIXTURE_LANGS[i],
      instruction: `Task ${i}: write a function number ${i} in ${FIXTURE_LANGS[i]}.`,
      solution: `solution_${i}()`,
      score: 4,
      filtered: i === FILTERED,
      filterReason: i === FILTERED ? "below threshold" : null,
      curation: i === REJECTED ? "rejected" : i % 5 === 0 ? "accepted" : "pending",
    })),
  });
  if (o.pairs) {
    await db.dpoPair.createMany({ data: [0, 1].map((i) => ({ runId: run.id, sampleId: id(i), language: "py", prompt: `p${i}`, chosen: `c${i}`, rejected: `r${i}` })) });
  }
  return { runId: run.id, id };
}
