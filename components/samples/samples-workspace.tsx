"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState } from "react";
import { queryKeys } from "@/components/query/api";
import type { SampleDetail, SamplePage } from "@/lib/samples/types";
import { api } from "./api";
import { BulkBar } from "./bulk-bar";
import { DpoAnswers } from "./dpo-answers";
import { ExportPanel } from "./export-panel";
import { FilterBar, type FilterValues } from "./filter-bar";
import { SampleTable } from "./sample-table";
import { SampleView, type Draft } from "./sample-view";
import { useSampleFilter } from "./use-sample-filter";
import { useSamplePages } from "./use-sample-pages";
import { useShortcuts, type Shortcut } from "./use-shortcuts";
import "./samples.css";

interface Props {
  initial: SamplePage;
  /** the filter and sort the page opened with, as the controls show them */
  values: FilterValues;
  runs: { id: string; name: string }[];
  languages: string[];
}

type Notice = { kind: "ok" | "error"; text: string } | null;
type Action = "accept" | "reject" | "reset";
const CURATED = { accept: "accepted", reject: "rejected", reset: "pending" } as const;

/** The curation workspace: filters, the virtualized table, the sample view, bulk actions, export. */
export function SamplesWorkspace({ initial, values: opened, runs, languages }: Props) {
  const client = useQueryClient();
  const filter = useSampleFilter(opened);
  const [initialQuery] = useState(filter.applied);
  const pages = useSamplePages(filter.applied, initialQuery, initial);
  const { rows } = pages;
  const [current, setCurrent] = useState(0);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>({ instruction: "", solution: "", tests: "" });
  const [notice, setNotice] = useState<Notice>(null);
  const currentId = rows[current]?.id ?? null;
  const detail = useQuery({ queryKey: queryKeys.sample(currentId ?? ""), enabled: currentId !== null, queryFn: ({ signal }) => api.sample(currentId!, signal) });
  const sample = detail.data && detail.data.id === currentId ? detail.data : null;
  const setSample = (s: SampleDetail) => client.setQueryData(queryKeys.sample(s.id), s);

  const onFilter = (v: FilterValues) => {
    // a filter that does not read changes nothing but the field errors
    if (filter.change(v) === null) return;
    setCurrent(0);
    setChecked(new Set());
    setEditing(false);
    setNotice(null);
  };

  const move = useCallback((delta: number) => {
    setEditing(false);
    setNotice(null);
    setCurrent((c) => Math.max(0, Math.min(rows.length - 1, c + delta)));
  }, [rows.length]);

  const curate = useMutation({
    mutationFn: (v: { action: Action; ids: string[]; advance: boolean }) => api.curate({ action: v.action, ids: v.ids }),
    onSuccess: (_r, { action, ids, advance }) => {
      pages.patch(ids, { curation: CURATED[action] });
      for (const id of ids) client.setQueryData<SampleDetail>(queryKeys.sample(id), (s) => s && { ...s, curation: CURATED[action] });
      if (advance) move(1);
    },
    onError: (e) => setNotice({ kind: "error", text: e.message }),
  });
  const curateAll = useMutation({
    mutationFn: (v: { action: Action; query: string }) => api.curate({ action: v.action, filter: Object.fromEntries(new URLSearchParams(v.query)) }),
    onSuccess: (r, { action }) => {
      setNotice({ kind: "ok", text: `${r.updated} samples ${CURATED[action]}.` });
      pages.patch(rows.map((x) => x.id), { curation: CURATED[action] });
      void pages.invalidateAll();
      void client.invalidateQueries({ queryKey: ["samples", "detail"] });
    },
    onError: (e) => setNotice({ kind: "error", text: e.message }),
  });
  const edit = useMutation({
    mutationFn: (v: { id: string; draft: Draft }) => api.edit(v.id, { ...v.draft, tests: v.draft.tests || null }),
    onSuccess: (next) => {
      setSample(next);
      pages.patch([next.id], { curation: next.curation, preview: next.instruction.slice(0, 160), verdict: next.verdict });
      setEditing(false);
      setNotice({ kind: "ok", text: `Saved as revision ${next.revisions.length - 1}.` });
    },
    onError: (e) => setNotice({ kind: "error", text: e.message }),
  });
  const runAgain = useMutation({
    mutationFn: async (v: { id: string; solution: string; tests: string | null }) => {
      await api.runAgain(v.id, { solution: v.solution, tests: v.tests });
      return api.sample(v.id);
    },
    onSuccess: (next) => {
      setSample(next);
      setNotice({ kind: "ok", text: "Executed." });
    },
    onError: (e) => setNotice({ kind: "error", text: e.message }),
  });
  const busy = curate.isPending || edit.isPending || runAgain.isPending;

  function act(a: Action | "edit" | "save" | "cancel" | "run") {
    // Curation acts on the highlighted row at once, even while its details are still loading.
    if (a === "accept" || a === "reject" || a === "reset") return currentId && !busy ? curate.mutate({ action: a, ids: [currentId], advance: a !== "reset" }) : undefined;
    if (!sample || busy) return;
    if (a === "edit") {
      setDraft({ instruction: sample.instruction, solution: sample.solution, tests: sample.tests ?? "" });
      setNotice(null);
      return setEditing(true);
    }
    if (a === "cancel") return setEditing(false);
    if (a === "save") return edit.mutate({ id: sample.id, draft });
    const src = editing ? draft : { solution: sample.solution, tests: sample.tests ?? "" };
    runAgain.mutate({ id: sample.id, solution: src.solution, tests: src.tests || null });
  }

  useShortcuts(editing, (s: Shortcut) => {
    if (s === "next" || s === "prev") return move(s === "next" ? 1 : -1);
    if (s === "toggle") return currentId && toggle(currentId);
    act(s);
  });

  function toggle(id: string) {
    setChecked((c) => {
      const n = new Set(c);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }

  function bulk(action: Action, scope: "checked" | "all") {
    if (scope === "checked") return curate.mutate({ action, ids: [...checked], advance: false }, { onSuccess: () => setChecked(new Set()) });
    // over the applied filter only, never one being typed, and not while its rows are still loading
    const query = filter.applied;
    if (query === null || !filter.valid || pages.stale) return;
    if (!window.confirm(`${action} all ${pages.total} samples matching these filters?`)) return;
    const { sort: _sort, ...only } = Object.fromEntries(new URLSearchParams(query));
    curateAll.mutate({ action, query: new URLSearchParams(only).toString() });
  }

  const allBlocked = !filter.valid ? "fix the filters first" : pages.stale ? "loading the rows of these filters" : curateAll.isPending ? "working" : null;
  return (
    <>
      <FilterBar values={filter.values} errors={filter.errors} runs={runs} languages={languages} onChange={onFilter} />
      <div className="row st-summary">
        <span data-testid="sample-total">{filter.applied === null ? "no samples listed: fix the filters" : `${pages.total.toLocaleString("en")} samples`}</span>
        {filter.applied !== null ? <Link href={`/samples/charts${filter.applied ? `?${filter.applied}` : ""}`}>Charts of this selection →</Link> : null}
        <span className="muted">keys: j/k move · a accept · r reject · u reset · e edit · x select · Ctrl+S save · Esc cancel</span>
      </div>
      <BulkBar count={checked.size} total={pages.total} blocked={allBlocked} onAction={bulk} onClear={() => setChecked(new Set())} />
      {pages.error ? <p className="error" role="alert">{pages.error}</p> : null}
      {detail.error ? <p className="error" role="alert">{detail.error.message}</p> : null}
      <SampleTable rows={rows} total={pages.total} hasMore={pages.hasMore} loadMore={pages.loadMore} current={current} onSelect={(i) => (setCurrent(i), setEditing(false), setNotice(null))} checked={checked} onCheck={toggle} />
      {sample ? <SampleView sample={sample} editing={editing} draft={draft} onDraft={setDraft} onAction={act} busy={busy} notice={notice} /> : notice ? <p className={notice.kind === "error" ? "error" : "muted"} role="alert">{notice.text}</p> : null}
      {sample && sample.hasDpo ? <DpoAnswers runId={sample.runId} sampleId={sample.id} /> : null}
      <ExportPanel values={filter.applied !== null ? Object.fromEntries(new URLSearchParams(filter.applied)) : {}} blocked={filter.valid && filter.applied !== null ? null : "fix the filters first"} />
    </>
  );
}
