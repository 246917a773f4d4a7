"use client";
import { useCallback, useRef, useState } from "react";
import type { SamplePage, SampleRow } from "@/lib/samples/types";
import { api } from "./api";

/**
 * The rows loaded so far for one filter and sort, grown page by page (keyset cursor) as the
 * table scrolls. The first page comes rendered from the server.
 */
export function useSamplePages(query: string, initial: SamplePage) {
  const [rows, setRows] = useState<SampleRow[]>(initial.items);
  const [cursor, setCursor] = useState<string | null>(initial.nextCursor);
  const [total, setTotal] = useState<number>(initial.total ?? initial.items.length);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);

  const loadMore = useCallback(async () => {
    if (!cursor || loading.current) return;
    loading.current = true;
    try {
      const page = await api.page(`${query}${query ? "&" : ""}limit=200&cursor=${encodeURIComponent(cursor)}`);
      setRows((r) => [...r, ...page.items]);
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      loading.current = false;
    }
  }, [cursor, query]);

  const patch = useCallback((ids: string[], change: Partial<SampleRow>) => {
    const set = new Set(ids);
    setRows((r) => r.map((row) => (set.has(row.id) ? { ...row, ...change } : row)));
  }, []);

  return { rows, total, hasMore: cursor !== null, loadMore, patch, error, setTotal };
}
