import Link from "next/link";
import { db } from "@/lib/db/client";
import { listCorpora } from "@/lib/corpora/queries";
import { listBenchmarkFiles } from "@/lib/corpora/benchmarks";
import { corporaConfig } from "@/lib/corpora/config";
import { EmptyState } from "@/components/ui/empty-state";
import { AddCorpusPanel } from "@/components/corpora/add-corpus-panel";

export const dynamic = "force-dynamic";

export default async function CorporaPage() {
  const { benchmarksDir } = corporaConfig();
  const [corpora, benchmarks] = await Promise.all([listCorpora(db()), listBenchmarkFiles(benchmarksDir)]);
  return (
    <>
      <h1>Corpora</h1>
      <AddCorpusPanel benchmarkFiles={benchmarks.map((b) => ({ path: b.path, name: b.name }))} benchmarksDir={benchmarksDir} />
      {corpora.length === 0 ? (
        <EmptyState title="No corpora yet">Snippet corpora (folders, archives, JSONL, git repositories) are listed here once added.</EmptyState>
      ) : (
        <table data-testid="corpora">
          <thead><tr><th>Name</th><th>Source</th><th>Status</th><th>Files</th><th>Snippets</th><th>Added</th></tr></thead>
          <tbody>
            {corpora.map((c) => (
              <tr key={c.id}>
                <td><Link href={`/corpora/${c.id}`}>{c.name}</Link></td>
                <td><code>{c.source}</code></td>
                <td><span className={`badge ${c.status === "ready" ? "succeeded" : c.status === "ingesting" ? "running" : c.status}`} title={c.error ?? undefined}>{c.status}</span></td>
                <td>{c.files}</td>
                <td>{c.snippets}</td>
                <td className="muted">{c.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
