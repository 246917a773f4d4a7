import Link from "next/link";
import { db } from "@/lib/db/client";
import { statusLabel } from "@/lib/domain/stage-outcome";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function RunsPage() {
  const runs = await db().run.findMany({ orderBy: { createdAt: "desc" }, take: 100, include: { _count: { select: { samples: true, agents: true } } } });
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Generation runs</h1>
        <Link href="/runs/new" className="button">New run</Link>
      </div>
      {runs.length === 0 ? (
        <EmptyState title="No runs yet">A run turns a corpus into seed data (Ds1, Ds2) and agent discussions (Ds3). <Link href="/runs/new">Start one</Link>.</EmptyState>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Status</th><th>Stage</th><th>Agents</th><th>Samples</th><th>Created</th></tr></thead>
          <tbody>{runs.map((r) => <tr key={r.id}><td><Link href={`/runs/${r.id}`}>{r.name}</Link></td><td><span className={`badge ${r.status}`}>{statusLabel(r.status)}</span></td><td>{r.stage ?? "—"}</td><td>{r._count.agents}</td><td>{r._count.samples}</td><td>{r.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td></tr>)}</tbody>
        </table>
      )}
    </>
  );
}
