"use client";
import { useMemo, useState } from "react";
import { checkFilterParams, filterQueryString as queryOf, type FilterField } from "@/lib/samples/sample-filter";
import type { FilterValues } from "./filter-bar";

/**
 * The samples page's filter: what the controls show (`values`), whether it reads
 * (`errors` per field), and the last filter that did (`applied`, a query string; null when the
 * page opened on one that does not). A filter with errors changes nothing else: the rows, the
 * selection and every bulk action stay on the applied one. The address bar follows the applied
 * filter, so a reload or a shared link opens it.
 */
export function useSampleFilter(initial: FilterValues) {
  const [values, setValues] = useState<FilterValues>(initial);
  const check = useMemo(() => checkFilterParams(values as Record<string, string>), [values]);
  const [applied, setApplied] = useState<string | null>(() => (check.ok ? queryOf(initial) : null));
  const errors: Partial<Record<FilterField, string>> = check.ok ? {} : check.errors;

  /** Shows `next` in the controls; returns the query string it applies, or null when it does not read. */
  const change = (next: FilterValues): string | null => {
    setValues(next);
    if (!checkFilterParams(next as Record<string, string>).ok) return null;
    const q = queryOf(next);
    setApplied(q);
    window.history.replaceState(null, "", `/samples${q ? `?${q}` : ""}`);
    return q;
  };
  return { values, errors, valid: check.ok, applied, change };
}
