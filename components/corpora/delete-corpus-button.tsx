"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiJson } from "@/components/query/api";

/** Deletes a corpus after a confirmation; its error is shown and the button freed. `label` names it in a list. */
export function DeleteCorpusButton({ corpusId, name, label = "Delete corpus" }: { corpusId: string; name: string; label?: string }) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => apiJson(`/api/corpora/${encodeURIComponent(corpusId)}`, { method: "DELETE" }),
    onSuccess: () => {
      router.push("/corpora");
      router.refresh();
    },
  });
  const click = () => window.confirm(`Delete corpus "${name}" with all its files and snippets?`) && remove.mutate();
  return (
    <span className="row">
      <button type="button" className="secondary" onClick={click} disabled={remove.isPending} aria-label={`${label}: ${name}`}>{remove.isPending ? "Deleting…" : label}</button>
      {remove.error ? <span className="error" role="alert">{remove.error.message}</span> : null}
    </span>
  );
}
