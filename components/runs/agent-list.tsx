"use client";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiJson, queryKeys } from "@/components/query/api";
import { languageName } from "@/lib/domain/language-names";
import { BrowseFilters, browseParams, NO_FILTER, Pager, type BrowseFilter } from "./browse-filters";

interface AgentRow { id: string; runtimeId: string; language: string; memory: number; reflections: number; bestScore: number | null }
interface AgentPage { agents: AgentRow[]; total: number; page: number; pageSize: number }

const PAGE_SIZE = 25;

/**
 * The run's agents a page at a time, searchable by id, language and best score in memory;
 * refetched when the live counts say their number (or the discussions done) changed.
 */
export function AgentList({ runId, languages, count, tick }: { runId: string; languages: string[]; count: number; tick: number }) {
  const [filter, setFilter] = useState<BrowseFilter>(NO_FILTER);
  const [page, setPage] = useState(1);
  const params = browseParams(filter, page, PAGE_SIZE);
  const query = useQuery({
    queryKey: [...queryKeys.runAgents(runId, params), count, tick],
    queryFn: ({ signal }) => apiJson<AgentPage>(`/api/runs/${encodeURIComponent(runId)}/agents?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const filtered = Object.values(filter).some((v) => v.trim() !== "");
  return (
    <section aria-label="Agents">
      <BrowseFilters label="Agents" languages={languages} scoreHint="best score among the samples in the agent's memory" onApply={(f) => { setFilter(f); setPage(1); }} />
      {query.error ? <p className="error" role="alert">Could not load the agents: {query.error.message}</p> : null}
      {data && data.total === 0 ? (
        <p className="muted" data-testid="no-agents">{filtered ? "No agent matches this search." : "No agents yet: they are founded by the accepted seed samples once the seed stage ends."}</p>
      ) : null}
      {data && data.total > 0 ? (
        <>
          <table data-testid="agents" aria-busy={query.isFetching}>
            <thead><tr><th>Agent</th><th>Language</th><th>Memory</th><th>Reflections</th><th>Best score</th></tr></thead>
            <tbody>
              {data.agents.map((a) => (
                <tr key={a.id}>
                  <td><Link href={`/runs/${runId}/agents/${encodeURIComponent(a.runtimeId)}`}>{a.runtimeId}</Link></td>
                  <td>{languageName(a.language)}</td>
                  <td>{a.memory}</td>
                  <td>{a.reflections}</td>
                  <td>{a.bestScore === null ? "—" : a.bestScore.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} testId="agents-pager" />
        </>
      ) : null}
      {!data && !query.error ? <p className="muted">Loading agents…</p> : null}
    </section>
  );
}
