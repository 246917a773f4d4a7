import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getAblationView, reconcileAblation } from "@/lib/ablations/queries";
import { AblationTable } from "@/components/ablations/ablation-table";
import { VariantList } from "@/components/ablations/variant-list";

export const dynamic = "force-dynamic";

export default async function AblationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let view;
  try {
    await reconcileAblation(db(), id);
    view = await getAblationView(db(), id);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found:ablation") notFound();
    throw e;
  }
  const evaluations = await db().evaluation.findMany({ where: { reference: false }, orderBy: { createdAt: "desc" }, take: 200, select: { id: true, name: true, model: true, status: true } });
  const evaluated = view.variants.filter((v) => v.evaluation?.status === "succeeded");
  const sized = evaluated.filter((v) => v.key.startsWith("size:") || v.key === "full");
  return (
    <>
      <p><Link href="/ablations">← Ablations</Link></p>
      <h1>{view.name}</h1>
      <p className="muted">
        Run <Link href={`/runs/${view.runId}`} data-testid="ablation-run">{view.runName ?? view.runId}</Link> ({view.runMode} discussion) · seed {view.seed} · base model <code>{String(view.training.baseModel ?? "default")}</code> ·
        evaluation on {view.evaluation.suites.map((s) => s.benchmark).join(", ")} via {view.evaluation.endpointName ?? view.evaluation.endpointUrl}
        {view.sampling ? <span data-testid="ablation-sampling"> · Ds4 sampled from each SFT model: {view.sampling.n ?? "the run's"} answers per query, temperature {view.sampling.temperature ?? "the run's"}, at most {view.sampling.maxNewTokens} tokens</span> : null}
      </p>
      <VariantList ablationId={view.id} variants={view.variants} evaluations={evaluations.map((e) => ({ id: e.id, label: `${e.name} (${e.model}) · ${e.status}` }))} />
      <div className="panel" style={{ overflowX: "auto" }}>
        <h2 style={{ marginTop: 0 }}>pass@1 by variant (the paper&apos;s Table 2)</h2>
        {evaluated.length ? <AblationTable columns={view.table.columns} rows={view.table.rows} /> : <p className="muted" data-testid="ablation-table-empty">No variant is evaluated yet. Rows fill in as evaluations finish, or when you attach existing ones.</p>}
        {evaluated.length > 1 ? (
          <p className="muted">
            <Link href={`/compare?ids=${evaluated.map((v) => v.evaluation!.id).join(",")}${evaluated.some((v) => v.key === "full") ? `&baseline=${evaluated.find((v) => v.key === "full")!.evaluation!.id}` : ""}`}>Compare these evaluations</Link>
            {sized.length > 1 ? " (with the data-size curve and the per-language bias view)" : " (with the per-language bias view)"}
          </p>
        ) : null}
      </div>
    </>
  );
}
