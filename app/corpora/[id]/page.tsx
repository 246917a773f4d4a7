import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { corpusLanguageStats, getCorpus, getSnippet, listCorpusFiles, listSnippets, type CorpusDetail } from "@/lib/corpora/queries";
import { prepareDropSummary, prepareLanguageChart, prepareTokenHistogram } from "@/lib/corpora/chart-data";
import { IngestProgress } from "@/components/corpora/ingest-progress";
import { LanguageChart } from "@/components/corpora/language-chart";
import { TokenHistogram } from "@/components/corpora/token-histogram";
import { ContaminationTable, DuplicatesTable, SkippedFiles } from "@/components/corpora/report-tables";
import { FilesTable } from "@/components/corpora/files-table";
import { SnippetViewer } from "@/components/corpora/snippet-viewer";
import { DeleteCorpusButton } from "@/components/corpora/delete-corpus-button";

export const dynamic = "force-dynamic";

type Search = Record<string, string | undefined>;

async function load(id: string): Promise<CorpusDetail> {
  try {
    return await getCorpus(db(), id);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found:corpus") notFound();
    throw e;
  }
}

const num = (v: string | undefined) => Math.max(1, Number.parseInt(v ?? "1", 10) || 1);

export default async function CorpusPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const sp = await searchParams;
  const corpus = await load(id);
  const hrefFor = (patch: Search) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...sp, ...patch })) if (v) q.set(k, v);
    const s = q.toString();
    return `/corpora/${id}${s ? `?${s}` : ""}`;
  };
  const header = (
    <>
      <p><Link href="/corpora">← Corpora</Link></p>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>{corpus.name}</h1>
        <DeleteCorpusButton corpusId={corpus.id} name={corpus.name} />
      </div>
      <p className="muted"><code>{corpus.source}</code> · added {corpus.createdAt.toISOString().slice(0, 16).replace("T", " ")} · <span className={`badge ${corpus.status === "ready" ? "succeeded" : corpus.status}`} data-testid="corpus-status">{corpus.status}</span></p>
    </>
  );

  if (corpus.status === "pending" || corpus.status === "ingesting") {
    return <>{header}<IngestProgress jobId={corpus.jobId} status={corpus.status} /></>;
  }
  if (corpus.status === "failed" || !corpus.report) {
    return (
      <>
        {header}
        <div className="panel" role="alert">
          <strong>The import failed; nothing was imported.</strong>
          <p className="error" data-testid="corpus-error">{corpus.error ?? "No report was recorded."}</p>
          {corpus.jobId ? <p className="muted">Job: <Link href={`/jobs/${corpus.jobId}`}>{corpus.jobId}</Link></p> : null}
        </div>
      </>
    );
  }

  const report = corpus.report;
  const [stats, files, snippets] = await Promise.all([
    corpusLanguageStats(db(), id),
    listCorpusFiles(db(), id, { page: num(sp.files), pageSize: 50 }),
    listSnippets(db(), id, { page: num(sp.page), pageSize: 25, language: sp.lang, fileId: sp.file }),
  ]);
  const selectedId = sp.snippet ?? snippets.items[0]?.id;
  const selected = selectedId ? await getSnippet(db(), id, selectedId).catch(() => null) : null;
  const languages = prepareLanguageChart(stats);
  const drops = prepareDropSummary(report.snippets)!;
  const filePath = sp.file ? snippets.items[0]?.path ?? undefined : undefined;
  const cards: [string, string | number][] = [
    ["files imported", report.files.kept],
    ["files skipped", report.files.skipped],
    ["snippets kept", corpus.snippets],
    ["snippets extracted", drops.extracted],
    ...drops.rows.map((r) => [`${r.kind}s dropped`, r.count] as [string, number]),
    ["languages", languages.filter((l) => l.snippets > 0).length],
  ];

  return (
    <>
      {header}
      <div className="cards" data-testid="corpus-cards">
        {cards.map(([l, n]) => <div className="card" key={l}><div className="n">{n}</div><div className="l">{l}</div></div>)}
      </div>
      <div className="grid2" style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Languages</h2>
          <LanguageChart data={languages} />
          <table>
            <thead><tr><th>Language</th><th>Files</th><th>Snippets</th><th>Tokens</th></tr></thead>
            <tbody>{languages.map((l) => <tr key={l.language}><td>{l.name}</td><td>{l.files}</td><td>{l.snippets}</td><td>{l.tokens}</td></tr>)}</tbody>
          </table>
        </section>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Snippet length (tokens, max {report.settings.maxTokens})</h2>
          <TokenHistogram data={prepareTokenHistogram(report.tokenHistogram)} />
          <p className="muted">
            Near-duplicate threshold {report.settings.nearDuplicateThreshold ?? "off"} on {report.settings.shingleSize}-token shingles ·
            benchmarks: {report.settings.benchmarks.length ? report.settings.benchmarks.join(", ") : "none"} · took {(report.durationMs / 1000).toFixed(1)} s
          </p>
        </section>
      </div>

      <section id="snippets"><h2>Snippets</h2>
        <SnippetViewer list={snippets} selected={selected} languages={languages.filter((l) => l.snippets > 0).map((l) => l.language)} filter={{ language: sp.lang, fileId: sp.file, filePath }} hrefFor={hrefFor} />
      </section>
      <section><h2>Contamination</h2><ContaminationTable report={report} /></section>
      <section><h2>Duplicates</h2><DuplicatesTable report={report} /></section>
      <section><h2>Skipped files</h2><SkippedFiles files={report.files} /></section>
      <section id="files"><h2>Files</h2>
        <p className="muted">Change a file&apos;s language to re-label its snippets.</p>
        <FilesTable corpusId={id} files={files} hrefFor={hrefFor} />
      </section>
    </>
  );
}
