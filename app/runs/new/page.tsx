import Link from "next/link";
import { db } from "@/lib/db/client";
import { offerLocalModels } from "@/lib/domain/local-model-offer";
import { defaultRunConfig } from "@/lib/domain/run-config";
import { findLocalModels } from "@/lib/llm/local/find-local-models";
import { listEndpoints } from "@/lib/settings/endpoints";
import { NewRunForm } from "@/components/runs/new-run-form";

export const dynamic = "force-dynamic";

export default async function NewRunPage() {
  const [corpora, endpoints, localModels] = await Promise.all([
    db().corpus.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, name: true, status: true } }),
    listEndpoints(db()),
    findLocalModels(),
  ]);
  return (
    <>
      <p><Link href="/runs">← Runs</Link></p>
      <h1>New generation run</h1>
      <p className="muted">Defaults are the paper&apos;s (Qwen2.5-xCoder) where it gives them. The same settings can be saved as the YAML that <code>xinstruct generate --config</code> takes.</p>
      <NewRunForm corpora={corpora} endpointNames={endpoints.map((e) => e.name)} initial={offerLocalModels(defaultRunConfig(), localModels)} />
    </>
  );
}
