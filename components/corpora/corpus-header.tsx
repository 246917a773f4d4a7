import Link from "next/link";
import type { CorpusDetail } from "@/lib/corpora/queries";
import { fmtTime } from "@/components/ui/format";
import { DeleteCorpusButton } from "./delete-corpus-button";

const badge = (status: string) => (status === "ready" ? "succeeded" : status === "ingesting" ? "running" : status);

export function CorpusHeader({ corpus }: { corpus: CorpusDetail }) {
  return (
    <>
      <p><Link href="/corpora">← Corpora</Link></p>
      <div className="page-head">
        <h1>{corpus.name}</h1>
        <DeleteCorpusButton corpusId={corpus.id} name={corpus.name} />
      </div>
      <p className="muted" style={{ overflowWrap: "anywhere" }}>
        <code>{corpus.source}</code> · added {fmtTime(corpus.createdAt)} · <span className={`badge ${badge(corpus.status)}`} data-testid="corpus-status">{corpus.status}</span>
        {corpus.jobId ? <> · <Link href={`/jobs/${corpus.jobId}`}>import job</Link></> : null}
      </p>
    </>
  );
}
