"use client";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson, queryKeys } from "@/components/query/api";
import type { ConversationMessage } from "@/lib/domain/run-view";
import { languageName } from "@/lib/domain/language-names";
import { BrowseFilters, browseParams, NO_FILTER, Pager, type BrowseFilter } from "./browse-filters";
import { Message } from "./conversation-stream";

interface DiscussionRow {
  id: string;
  status: string;
  createdAt: string;
  agents: { id: string; language: string | null }[];
  targetLanguage: string | null;
  score: number | null;
  filtered: boolean | null;
  instruction: string | null;
}
interface DiscussionPage { discussions: DiscussionRow[]; total: number; page: number; pageSize: number }

const PAGE_SIZE = 20;

/** One discussion's whole conversation, fetched when its row is opened. */
function DiscussionMessages({ runId, id }: { runId: string; id: string }) {
  const q = useQuery({
    queryKey: queryKeys.runDiscussion(runId, id),
    queryFn: ({ signal }) => apiJson<{ messages: { id: string; role: string; content: Record<string, unknown> }[] }>(`/api/runs/${encodeURIComponent(runId)}/discussions/${encodeURIComponent(id)}`, { signal }),
    staleTime: Infinity,
  });
  if (q.error) return <p className="error" role="alert">Could not load discussion {id}: {q.error.message}</p>;
  if (!q.data) return <p className="muted">Loading…</p>;
  return (
    <div data-testid="discussion-detail">
      {q.data.messages.map((m, i) => (
        <div key={m.id} style={{ padding: "4px 0", borderBottom: "1px solid var(--border)" }}>
          <Message m={{ kind: m.role, ...m.content, seq: i } as ConversationMessage} runId={runId} />
        </div>
      ))}
    </div>
  );
}

/** Every discussion of the run, newest first, a page at a time; searchable by agent, language and score. */
export function DiscussionBrowser({ runId, languages, tick }: { runId: string; languages: string[]; tick: number }) {
  const [filter, setFilter] = useState<BrowseFilter>(NO_FILTER);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const params = browseParams(filter, page, PAGE_SIZE);
  const query = useQuery({
    queryKey: [...queryKeys.runDiscussions(runId, params), tick],
    queryFn: ({ signal }) => apiJson<DiscussionPage>(`/api/runs/${encodeURIComponent(runId)}/discussions?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const filtered = Object.values(filter).some((v) => v.trim() !== "");
  return (
    <section aria-label="All discussions">
      <BrowseFilters label="Discussions" languages={languages} scoreHint="score of the discussion's Ds3 sample" onApply={(f) => { setFilter(f); setPage(1); setOpen(null); }} />
      {query.error ? <p className="error" role="alert">Could not load the discussions: {query.error.message}</p> : null}
      {data && data.total === 0 ? <p className="muted" data-testid="no-discussion-match">{filtered ? "No discussion matches this search." : "No discussion finished yet."}</p> : null}
      {data && data.total > 0 ? (
        <>
          <table data-testid="discussions" aria-busy={query.isFetching}>
            <thead><tr><th>Discussion</th><th>Agents</th><th>Target</th><th>Score</th><th>Instruction</th></tr></thead>
            <tbody>
              {data.discussions.map((d) => (
                <DiscussionRowView key={d.id} d={d} runId={runId} open={open === d.id} onToggle={() => setOpen(open === d.id ? null : d.id)} />
              ))}
            </tbody>
          </table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => { setPage(p); setOpen(null); }} testId="discussions-pager" />
        </>
      ) : null}
    </section>
  );
}

function DiscussionRowView({ d, runId, open, onToggle }: { d: DiscussionRow; runId: string; open: boolean; onToggle: () => void }) {
  return (
    <>
      <tr data-testid="discussion-row" data-discussion-row={d.id}>
        <td><button className="secondary" onClick={onToggle} aria-expanded={open}>{open ? "▾" : "▸"} {d.id}</button>{d.status === "failed" ? <span className="badge failed">failed</span> : null}</td>
        <td>{d.agents.map((a, i) => <span key={`${a.id}-${i}`}>{i ? ", " : ""}<Link href={`/runs/${runId}/agents/${encodeURIComponent(a.id)}`}>{a.id}</Link></span>)}</td>
        <td>{d.targetLanguage ? languageName(d.targetLanguage) : "—"}</td>
        <td>{d.score === null ? "—" : d.score.toFixed(2)}{d.filtered ? <span className="muted"> (filtered)</span> : null}</td>
        <td style={{ maxWidth: 420, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }} title={d.instruction ?? ""}>{d.instruction ?? "—"}</td>
      </tr>
      {open ? <tr><td colSpan={5}><DiscussionMessages runId={runId} id={d.id} /></td></tr> : null}
    </>
  );
}
