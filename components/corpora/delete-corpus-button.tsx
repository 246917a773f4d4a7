"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function DeleteCorpusButton({ corpusId, name }: { corpusId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(`Delete corpus "${name}" with all its files and snippets?`)) return;
    const res = await fetch(`/api/corpora/${corpusId}`, { method: "DELETE" });
    if (!res.ok) return setError((await res.json().catch(() => ({})))?.error?.message ?? `HTTP ${res.status}`);
    router.push("/corpora");
    router.refresh();
  }
  return (
    <span className="row">
      <button type="button" className="secondary" onClick={remove}>Delete corpus</button>
      {error ? <span className="error">{error}</span> : null}
    </span>
  );
}
