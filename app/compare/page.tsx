import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function ComparePage() {
  const n = await db().evaluation.count({ where: { status: "succeeded" } });
  return (
    <>
      <h1>Compare</h1>
      {n < 2 ? (
        <EmptyState title="Nothing to compare yet">Once two evaluations have finished, they can be compared side by side per language, with deltas against a baseline.</EmptyState>
      ) : (
        <p className="muted">{n} finished evaluations.</p>
      )}
    </>
  );
}
