"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { languageName } from "@/lib/domain/language-names";
import { INGEST_LANGUAGES } from "@/lib/pipeline/ingest/languages";

/** Re-labels one file (and its snippets) with another language. */
export function RelabelFileForm({ corpusId, fileId, language, path }: { corpusId: string; fileId: string; language: string | null; path: string }) {
  const router = useRouter();
  const [value, setValue] = useState(language ?? "");
  const [state, setState] = useState<"idle" | "saving" | string>("idle");
  async function save(next: string) {
    setValue(next);
    setState("saving");
    const res = await fetch(`/api/corpora/${corpusId}/files/${fileId}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ language: next }) });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) return setState(body?.error?.message ?? `HTTP ${res.status}`);
    setState("idle");
    router.refresh();
  }
  return (
    <span className="row" style={{ gap: 6 }}>
      <select aria-label={`Language of ${path}`} value={value} disabled={state === "saving"} onChange={(e) => save(e.target.value)}>
        {INGEST_LANGUAGES.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
      </select>
      {state === "saving" ? <span className="muted">saving…</span> : null}
      {state !== "idle" && state !== "saving" ? <span className="error" role="alert">{state}</span> : null}
    </span>
  );
}
