import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function CorporaPage() {
  const corpora = await db().corpus.findMany({ orderBy: { createdAt: "desc" }, take: 100, include: { _count: { select: { snippets: true, files: true } } } });
  return (
    <>
      <h1>Corpora</h1>
      {corpora.length === 0 ? (
        <EmptyState title="No corpora yet">Snippet corpora (folders, archives, JSONL, git repositories) are listed here once ingested.</EmptyState>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Source</th><th>Status</th><th>Files</th><th>Snippets</th></tr></thead>
          <tbody>{corpora.map((c) => <tr key={c.id}><td>{c.name}</td><td><code>{c.source}</code></td><td><span className={`badge ${c.status}`}>{c.status}</span></td><td>{c._count.files}</td><td>{c._count.snippets}</td></tr>)}</tbody>
        </table>
      )}
    </>
  );
}
