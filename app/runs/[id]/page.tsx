import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { runViewFromSnapshot } from "@/lib/domain/run-view";
import { getRun } from "@/lib/pipeline/run/run-queries";
import { getRunSnapshot } from "@/lib/pipeline/run/run-snapshot";
import { runUsesDemoModel } from "@/lib/pipeline/run/run-endpoints";
import { RunLive } from "@/components/runs/run-live";
import { ModelCalls } from "@/components/runs/model-calls";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [data, snapshot] = await Promise.all([getRun(db(), id), getRunSnapshot(db(), id)]).catch((e) => {
    if (isAppError(e) && e.code === "not_found:run") notFound();
    throw e;
  });
  const { run } = data;
  const c = run.config;
  const demo = await runUsesDemoModel(db(), c);
  return (
    <>
      <p><Link href="/runs">← Runs</Link></p>
      <h1>{run.name}</h1>
      <p className="muted" data-testid="run-summary">
        {c.languages.join(", ")} · {c.agents.perLanguage ? `${c.agents.perLanguage} agents per language` : "one agent per seed"} · {c.discussion.mode} discussions of {c.discussion.groupSize} · memory T={c.agents.memory.capacity} · target {c.targets.ds3Samples} Ds3 samples · seed {c.seed}
      </p>
      {demo ? (
        <p className="panel demo-notice" data-testid="demo-notice">
          <strong>Demo model.</strong> This run&apos;s answers come from the offline demo model, not a language model: a few small
          problems per language, tied to your snippets by the names they define, with a planted bug in about 15% of
          solutions so that verification and DPO have something to catch. Use it to see the method work; add a real
          endpoint (or a local GGUF model) in <Link href="/settings">Settings</Link> to make real data.
        </p>
      ) : null}
      {run.error ? <p className="error">{run.error}</p> : null}
      {/* the view as of the snapshot's last event; the stream follows from there (no replay of the run's history) */}
      <RunLive runId={run.id} languages={c.languages} initial={runViewFromSnapshot(snapshot)} stalled={run.stalled} />
      <ModelCalls runId={run.id} />
    </>
  );
}
