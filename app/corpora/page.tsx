import Link from "next/link";
import { db } from "@/lib/db/client";
import { listCorpora } from "@/lib/corpora/queries";
import { listBenchmarkFiles } from "@/lib/corpora/benchmarks";
import { corporaConfig } from "@/lib/corpora/config";
import { EmptyState } from "@/components/ui/empty-state";
import { AddCorpusPanel } from "@/components/corpora/add-corpus-panel";
import { DeleteCorpusButton } from "@/components/corpora/delete-corpus-button";
import { fmtInt, fmtTime } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export default async function CorporaPage() {
  const { benchmarksDir } = corporaConfig();
  const [corpora, benchmarks] = await Promise.all([listCorpora(db()), listBenchmarkFiles(benchmarksDir)]);
  return (
    <>
      <h1>Corpora</h1>
      <p className="muted">Code that generation runs start from: files are split into snippets (whole functions or classes, up to the token limit), labelled with their language, deduplicated and checked against benchmarks. CLI: <code>npx xinstruct corpus add PATH</code>.</p>
      <AddCorpusPanel benchmarkFiles={benchmarks.map((b) => ({ path: b.path, name: b.name }))} benchmarksDir={benchmarksDir} />
      {corpora.length === 0 ? (
        <EmptyState title="No corpora yet">Snippet corpora (folders, archives, JSONL, git repositories) are listed here once added.</EmptyState>
      ) : (
        <div className="table-wrap">
        <table data-testid="corpora">
          <thead><tr><th>Name</th><th>Source</th><th>Status</th><th className="num">Files</th><th className="num">Snippets</th><th>Added</th></tr></thead>
          <tbody>
            {corpora.map((c) => (
              <tr key={c.id}>
                <td><Link href={`/corpora/${c.id}`}>{c.name}</Link></td>
                <td style={{ overflowWrap: "anywhere", maxWidth: 360 }}><code>{c.source}</code></td>
                <td>
                  <span className={`badge ${c.status === "ready" ? "succeeded" : c.status === "ingesting" ? "running" : c.status}`}>{c.status}</span>
                  {c.error ? <div className="error" style={{ fontSize: 12, marginTop: 4 }}>{c.error}</div> : null}
                  {c.status === "failed" ? <DeleteCorpusButton corpusId={c.id} name={c.name} label="Delete" /> : null}
                </td>
                <td className="num">{fmtInt(c.files)}</td>
                <td className="num">{fmtInt(c.snippets)}</td>
                <td className="muted" style={{ whiteSpace: "nowrap" }}>{fmtTime(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
