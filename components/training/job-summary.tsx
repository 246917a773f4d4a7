import type { ReactNode } from "react";
import Link from "next/link";
import type { TrainConfig } from "@/lib/training/config";
import type { TrainingJobLinks } from "@/lib/training/job-context";
import { fmtInt } from "@/components/ui/format";

/** What was trained on what, with which settings, and what the job belongs to or fed. */
export function JobSummary({ config, links }: { config: TrainConfig | null; links: TrainingJobLinks }) {
  const t = config?.training;
  const facts: [string, ReactNode][] = config && t
    ? [
        ["Base model", <code key="m">{config.baseModel}</code>],
        ["Dataset", <code key="d">{config.dataset}</code>],
        ["Eval data", config.evalDataset ? <code key="e">{config.evalDataset}</code> : `${(config.evalFraction * 100).toFixed(0)} % held out`],
        ["Method", config.method === "lora" ? `LoRA (r ${config.lora.r}, alpha ${config.lora.alpha})` : "full fine-tuning"],
        ["Learning rate", `${t.learningRate} (${fmtInt(t.warmupSteps)} warmup steps, cosine)`],
        ["Batch", `${fmtInt(t.globalBatchSize)} samples global · ${fmtInt(t.microBatchSize)} per GPU step`],
        ["Max length", `${fmtInt(t.maxLength)} tokens`],
        ["Length", t.maxSteps ? `${fmtInt(t.maxSteps)} steps` : `${t.epochs} epochs`],
        ["Early stopping", t.earlyStoppingPatience ? `after ${t.earlyStoppingPatience} evals without an eval-loss gain > ${t.earlyStoppingMinDelta}; best weights exported` : "off"],
        ...(config.kind === "dpo" ? [["DPO beta", String(t.beta)] as [string, ReactNode]] : []),
        ["Hardware", `${config.resources.gpusPerNode ? `${config.resources.gpusPerNode} GPU${config.resources.gpusPerNode > 1 ? "s" : ""}` : "CPU"} × ${config.resources.nodes} node${config.resources.nodes > 1 ? "s" : ""}${config.resources.fsdp ? " · FSDP" : ""}${t.bf16 ? " · bf16" : ""}`],
      ]
    : [];
  return (
    <section className="panel" aria-label="Job configuration" data-testid="training-summary">
      {facts.length ? (
        <dl style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", gap: "8px 16px", margin: 0 }}>
          {facts.map(([k, v]) => (
            <div key={k} style={{ minWidth: 0 }}>
              <dt className="muted" style={{ fontSize: 12 }}>{k}</dt>
              <dd style={{ margin: 0, overflowWrap: "anywhere" }}>{v}</dd>
            </div>
          ))}
        </dl>
      ) : <p className="muted" style={{ margin: 0 }}>This job&apos;s configuration was not stored.</p>}
      <p style={{ margin: "12px 0 0" }} data-testid="training-links">
        {links.ablations.map((a) => (
          <span key={`${a.ablationId}:${a.variantKey}`}>
            Ablation <Link href={`/ablations/${a.ablationId}`}>{a.ablationName}</Link> (variant <code>{a.variantKey}</code>, data from <Link href={`/runs/${a.runId}`}>its run</Link>) ·{" "}
          </span>
        ))}
        {links.evaluations.length
          ? <>Evaluations of this model: {links.evaluations.map((e, i) => <span key={e.id}>{i ? ", " : ""}<Link href={`/evaluations/${e.id}`}>{e.name}</Link> <span className={`badge ${e.status}`}>{e.status}</span></span>)}</>
          : <span className="muted">No evaluation of this model yet: serve its final checkpoint and evaluate it from <Link href="/evaluations">Evaluations</Link>.</span>}
      </p>
    </section>
  );
}
