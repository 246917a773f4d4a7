import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function SamplesPage() {
  const byPart = await db().sample.groupBy({ by: ["part", "language"], _count: { _all: true } });
  return (
    <>
      <h1>Samples</h1>
      {byPart.length === 0 ? (
        <EmptyState title="No samples yet">Generated instruction samples of every run appear here for curation and export.</EmptyState>
      ) : (
        <table>
          <thead><tr><th>Part</th><th>Language</th><th>Samples</th></tr></thead>
          <tbody>{byPart.map((g) => <tr key={`${g.part}-${g.language}`}><td>{g.part}</td><td>{g.language}</td><td>{g._count._all}</td></tr>)}</tbody>
        </table>
      )}
    </>
  );
}
