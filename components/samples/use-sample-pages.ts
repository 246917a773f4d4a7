"use client";
import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback } from "react";
import { queryKeys } from "@/components/query/api";
import type { SamplePage, SampleRow } from "@/lib/samples/types";
import { api } from "./api";

type Pages = InfiniteData<SamplePage, string | null>;

/**
 * The rows of the samples table for one filter and sort (`query`, a query string; null: no valid
 * filter, nothing is read), grown page by page (keyset cursor) as the table scrolls. A query per
 * filter, aborted when the filter changes again, so the rows shown are always the last filter's;
 * the previous filter's rows stay on screen (`stale`) until they arrive. The server renders the
 * first page of the filter the page opened with (`initial` for `initialQuery`).
 */
export function useSamplePages(query: string | null, initialQuery: string | null, initial: SamplePage) {
  const client = useQueryClient();
  const key = queryKeys.samplePages(query ?? "");
  const pages = useInfiniteQuery({
    queryKey: key,
    enabled: query !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.page(`${query}${query ? "&" : ""}${pageParam ? `limit=200&cursor=${encodeURIComponent(pageParam)}` : "limit=100&total=1"}`, signal),
    getNextPageParam: (last) => last.nextCursor,
    initialData: query !== null && query === initialQuery ? { pages: [initial], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
    // rows change here only by this page's own curation, which patches them in place
    staleTime: 60_000,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const patch = useCallback(
    (ids: string[], change: Partial<SampleRow>) => {
      const set = new Set(ids);
      client.setQueryData<Pages>(key, (d) => d && { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.map((r) => (set.has(r.id) ? { ...r, ...change } : r)) })) });
    },
    [client, key[2]], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return {
    rows,
    total: pages.data?.pages[0]?.total ?? rows.length,
    hasMore: Boolean(hasNextPage),
    loadMore,
    patch,
    /** the rows shown are an earlier filter's while this one's first page loads */
    stale: pages.isPlaceholderData || (query !== null && pages.isPending),
    error: pages.error ? pages.error.message : null,
    /** after a bulk action over a filter: every cached page sequence may hold changed rows */
    invalidateAll: () => client.invalidateQueries({ queryKey: ["samples", "pages"] }),
  };
}
