"use client";
import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { SampleDetail, SamplePage } from "@/lib/samples/types";
import { api } from "./api";
import { BulkBar } from "./bulk-bar";
import { DpoAnswers } from "./dpo-answers";
import { ExportPanel } from "./export-panel";
import { FilterBar, type FilterValues } from "./filter-bar";
import { SampleTable } from "./sample-table";
import { SampleView, type Draft } from "./sample-view";
import { useSamplePages } from "./use-sample-pages";
import { useShortcuts, type Shortcut } from "./use-shortcuts";
import "./samples.css";

interface Props {
  initial: SamplePage;
  values: FilterValues;
  /** The filter and sort as a query string, for the API. */
  query: string;
  runs: { id: string; name: string }[];
  languages: string[];
}

type Notice = { kind: "ok" | "error"; text: string } | null;
const CURATED = { accept: "accepted", reject: "rejected", reset: "pending" } as const;

/** The curation workspace: filters, the virtualized table, the sample view, bulk actions, export. */
export function SamplesWorkspace({ initial, values, query, runs, languages }: Props) {
  const router = useRouter();
  const pages = useSamplePages(query, initial);
  const { rows } = pages;
  const [current, setCurrent] = useState(rows.length ? 0 : -1);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [sample, setSample] = useState<SampleDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>({ instruction: "", solution: "", tests: "" });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const currentId = rows[current]?.id ?? null;

  useEffect(() => {
    if (!currentId) return setSample(null);
    const ctl = new AbortController();
    api.sample(currentId, ctl.signal).then(setSample, (e) => e.name !== "AbortError" && setNotice({ kind: "error", text: e.message }));
    return () => ctl.abort();
  }, [currentId]);

  const navigate = (v: FilterValues) => {
    const qs = new URLSearchParams(Object.entries(v).filter(([, x]) => x) as [string, string][]).toString();
    router.replace(`/samples${qs ? `?${qs}` : ""}`);
  };

  const move = useCallback((delta: number) => {
    setEditing(false);
    setNotice(null);
    setCurrent((c) => Math.max(0, Math.min(rows.length - 1, c + delta)));
  }, [rows.length]);

  async function curate(action: keyof typeof CURATED, ids: string[], advance: boolean) {
    setBusy(true);
    try {
      await api.curate({ action, ids });
      pages.patch(ids, { curation: CURATED[action] });
      setSample((s) => (s && ids.includes(s.id) ? { ...s, curation: CURATED[action] } : s));
      if (advance) move(1);
    } catch (e) {
      setNotice({ kind: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function act(a: "accept" | "reject" | "reset" | "edit" | "save" | "cancel" | "run") {
    // Curation acts on the highlighted row at once, even while its details are still loading.
    if (a === "accept" || a === "reject" || a === "reset") return currentId ? curate(a, [currentId], a !== "reset") : undefined;
    if (!sample || sample.id !== currentId) return;
    if (a === "edit") {
      setDraft({ instruction: sample.instruction, solution: sample.solution, tests: sample.tests ?? "" });
      setNotice(null);
      return setEditing(true);
    }
    if (a === "cancel") return setEditing(false);
    setBusy(true);
    try {
      if (a === "save") {
        const next = await api.edit(sample.id, { ...draft, tests: draft.tests || null });
        setSample(next);
        pages.patch([next.id], { curation: next.curation, preview: next.instruction.slice(0, 160), verdict: next.verdict });
        setEditing(false);
        setNotice({ kind: "ok", text: `Saved as revision ${next.revisions.length - 1}.` });
      } else {
        const src = editing ? draft : { solution: sample.solution, tests: sample.tests ?? "" };
        await api.runAgain(sample.id, { solution: src.solution, tests: src.tests || null });
        setSample(await api.sample(sample.id));
        setNotice({ kind: "ok", text: "Executed." });
      }
    } catch (e) {
      setNotice({ kind: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  useShortcuts(editing, (s: Shortcut) => {
    if (s === "next" || s === "prev") return move(s === "next" ? 1 : -1);
    if (s === "toggle") return currentId && toggle(currentId);
    void act(s);
  });

  function toggle(id: string) {
    setChecked((c) => {
      const n = new Set(c);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }

  async function bulk(action: keyof typeof CURATED, scope: "checked" | "all") {
    if (scope === "checked") {
      await curate(action, [...checked], false);
      return setChecked(new Set());
    }
    if (!window.confirm(`${action} all ${pages.total} samples matching these filters?`)) return;
    const filter = Object.fromEntries(Object.entries(values).filter(([k, x]) => x && k !== "sort"));
    try {
      const r = await api.curate({ action, filter });
      setNotice({ kind: "ok", text: `${r.updated} samples ${CURATED[action]}.` });
      pages.patch(rows.map((x) => x.id), { curation: CURATED[action] });
    } catch (e) {
      setNotice({ kind: "error", text: (e as Error).message });
    }
  }

  return (
    <>
      <FilterBar values={values} runs={runs} languages={languages} onChange={navigate} />
      <div className="row st-summary">
        <span data-testid="sample-total">{pages.total.toLocaleString("en")} samples</span>
        <span className="muted">keys: j/k move · a accept · r reject · u reset · e edit · x select · Ctrl+S save · Esc cancel</span>
      </div>
      <BulkBar count={checked.size} total={pages.total} onAction={bulk} onClear={() => setChecked(new Set())} />
      {pages.error ? <p className="error">{pages.error}</p> : null}
      <SampleTable rows={rows} total={pages.total} hasMore={pages.hasMore} loadMore={pages.loadMore} current={current} onSelect={(i) => (setCurrent(i), setEditing(false), setNotice(null))} checked={checked} onCheck={toggle} />
      {sample && sample.id === currentId ? <SampleView sample={sample} editing={editing} draft={draft} onDraft={setDraft} onAction={act} busy={busy} notice={notice} /> : null}
      {sample && sample.id === currentId && sample.hasDpo ? <DpoAnswers runId={sample.runId} sampleId={sample.id} /> : null}
      <ExportPanel values={values} />
    </>
  );
}
