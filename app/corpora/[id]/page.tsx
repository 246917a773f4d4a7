import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { corpusLanguageStats, getCorpus, getSnippet, listCorpusFiles, listCorpusRuns, listSnippets, type CorpusDetail } from "@/lib/corpora/queries";
import { prepareDropSummary, prepareLanguageChart, prepareTokenHistogram } from "@/lib/corpora/chart-data";
import { IngestProgress } from "@/components/corpora/ingest-progress";
import { LanguageChart } from "@/components/corpora/language-chart";
import { TokenHistogram } from "@/components/corpora/token-histogram";
import { ContaminationTable, DuplicatesTable, SkippedFiles } from "@/components/corpora/report-tables";
import { FilesTable } from "@/components/corpora/files-table";
import { SnippetViewer } from "@/components/corpora/snippet-viewer";
import { CorpusHeader } from "@/components/corpora/corpus-header";
import { CorpusRuns } from "@/components/corpora/corpus-runs";
import { fmtDuration, fmtInt } from "@/components/ui/format";
import styles from "@/components/corpora/corpora.module.css";

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
  const header = <CorpusHeader corpus={corpus} />;

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
          <p className="muted" style={{ marginBottom: 0 }}>Fix the source and add it again from <Link href="/corpora">Corpora</Link>, then delete this entry.</p>
        </div>
      </>
    );
  }

  const report = corpus.report;
  const [stats, files, snippets, runs] = await Promise.all([
    corpusLanguageStats(db(), id),
    listCorpusFiles(db(), id, { page: num(sp.files), pageSize: 50 }),
    listSnippets(db(), id, { page: num(sp.page), pageSize: 25, language: sp.lang, fileId: sp.file }),
    listCorpusRuns(db(), id),
  ]);
  const selectedId = sp.snippet ?? snippets.items[0]?.id;
  const selected = selectedId ? await getSnippet(db(), id, selectedId).catch(() => null) : null;
  const languages = prepareLanguageChart(stats);
  const drops = prepareDropSummary(report.snippets)!;
  const filePath = sp.file ? snippets.items[0]?.path ?? undefined : undefined;
  const cards: [string, number][] = [
    ["files imported", report.files.kept],
    ["files skipped", report.files.skipped],
    ["snippets kept", corpus.snippets],
    ["snippets extracted", drops.extracted],
    ...drops.rows.map((r) => [`${r.kind}s dropped`, r.count] as [string, number]),
    ["languages", languages.filter((l) => l.snippets > 0).length],
  ];
  const sections: [string, string, number][] = [
    ["snippets", "Snippets", corpus.snippets],
    ["runs", "Runs", runs.length],
    ["contamination", "Contamination", report.snippets.contaminated],
    ["duplicates", "Duplicates", report.snippets.exactDuplicates + report.snippets.nearDuplicates],
    ["skipped", "Skipped files", report.files.skipped],
    ["files", "Files", files.total],
  ];

  return (
    <>
      {header}
      <nav className="section-nav" aria-label="On this page">
        {sections.map(([anchor, label, n]) => <a key={anchor} href={`#${anchor}`}>{label} <span className="muted">({fmtInt(n)})</span></a>)}
      </nav>
      <div className="cards" data-testid="corpus-cards">
        {cards.map(([l, n]) => <div className="card" key={l}><div className="n">{fmtInt(n)}</div><div className="l">{l}</div></div>)}
      </div>
      <div className={styles.grid2}>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Languages</h2>
          <LanguageChart data={languages} />
          <div className="table-wrap">
            <table>
              <thead><tr><th>Language</th><th className="num">Files</th><th className="num">Snippets</th><th className="num">Tokens</th></tr></thead>
              <tbody>{languages.map((l) => <tr key={l.language}><td>{l.name}</td><td className="num">{fmtInt(l.files)}</td><td className="num">{fmtInt(l.snippets)}</td><td className="num">{fmtInt(l.tokens)}</td></tr>)}</tbody>
            </table>
          </div>
        </section>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Snippet length (tokens per snippet, max {fmtInt(report.settings.maxTokens)})</h2>
          <TokenHistogram data={prepareTokenHistogram(report.tokenHistogram)} />
          <p className="muted">
            Near-duplicate threshold: {report.settings.nearDuplicateThreshold ?? "off"} (Jaccard on {report.settings.shingleSize}-token shingles) ·
            decontaminated against: {report.settings.benchmarks.length ? report.settings.benchmarks.join(", ") : "no benchmark"} · import took {fmtDuration(report.durationMs)}
          </p>
        </section>
      </div>

      <section id="snippets"><h2>Snippets</h2>
        <SnippetViewer list={snippets} selected={selected} languages={languages.filter((l) => l.snippets > 0).map((l) => l.language)} filter={{ language: sp.lang, fileId: sp.file, filePath }} hrefFor={hrefFor} />
      </section>
      <section id="runs"><h2>Generation runs from this corpus</h2><CorpusRuns runs={runs} /></section>
      <section id="contamination"><h2>Contamination</h2><ContaminationTable report={report} /></section>
      <section id="duplicates"><h2>Duplicates</h2><DuplicatesTable report={report} /></section>
      <section id="skipped"><h2>Skipped files</h2><SkippedFiles files={report.files} /></section>
      <section id="files"><h2>Files</h2>
        <p className="muted">Pick a file to see its snippets; change its language to re-label them.</p>
        <FilesTable corpusId={id} files={files} hrefFor={hrefFor} />
      </section>
    </>
  );
}
