"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { errorHeadline } from "@/lib/training/error-headline";
import { isActive } from "@/lib/training/topic";
import { CHARTS, chartsWithData, latestValues, prepareRows, smooth, withOverlay, type MetricPointLike, type SeriesSource } from "@/lib/training/chart-data";
import { JobActions } from "@/components/training/job-actions";
import { MetricChart, type Series } from "@/components/training/metric-chart";
import { OverlayPicker, type OtherJob } from "@/components/training/overlay-picker";
import { useTrainingStream, type Checkpoint } from "@/components/training/use-training-stream";
import { lossMarks, phaseText, type JobNotes } from "@/lib/training/job-notes";
import { QueuePosition } from "@/components/training/queue-position";
import { TrainerNotes } from "@/components/training/trainer-notes";

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];
const LABELS: Record<string, string> = {
  loss: "train loss", eval_loss: "eval loss", lr: "learning rate", grad_norm: "grad norm", tokens_per_s: "tokens/s", mfu: "MFU",
  rewards_margin: "margin", rewards_chosen: "chosen reward", rewards_rejected: "rejected reward", rewards_accuracy: "accuracy",
  eval_rewards_accuracy: "eval accuracy", gpu_mem_gb: "GiB",
};

export interface JobViewProps {
  job: { id: string; name: string; status: string; error: string | null; logTail: string | null; command: string | null };
  afterSeq: number;
  points: MetricPointLike[];
  checkpoints: Checkpoint[];
  notes: JobNotes;
  others: OtherJob[];
}

/** The job page's live part: status, curves, log tail, checkpoints, cancel/resume, overlays. */
export function JobView({ job, afterSeq, points, checkpoints, notes, others }: JobViewProps) {
  const [s, setStatus] = useTrainingStream(job.id, afterSeq, { status: job.status, error: job.error, points, log: (job.logTail ?? "").split("\n").filter(Boolean), checkpoints, notes });
  const [overlayIds, setOverlayIds] = useState<string[]>([]);
  const [overlays, setOverlays] = useState<SeriesSource[]>([]);
  const [smoothing, setSmoothing] = useState(0);

  useEffect(() => {
    if (overlayIds.length === 0) return setOverlays([]);
    let live = true;
    fetch(`/api/training/curves?ids=${overlayIds.join(",")}`).then((r) => r.json()).then((body) => {
      if (!live) return;
      setOverlays(overlayIds.map((id) => ({ id, label: others.find((o) => o.id === id)?.name ?? id, points: body.curves?.[id] ?? [] })));
    });
    return () => { live = false; };
  }, [overlayIds, others]);

  const logRef = useRef<HTMLPreElement>(null);
  const stuck = useRef(true);
  // The log is a tail: keep it scrolled to the newest line unless the reader scrolled up.
  useEffect(() => {
    const el = logRef.current;
    if (el && stuck.current) el.scrollTop = el.scrollHeight;
  }, [s.log]);

  const latest = latestValues(s.points);
  const charts = useMemo(() => {
    const shown = chartsWithData(s.points);
    if (overlays.length && !shown.some((c) => c.id === "loss")) shown.unshift(CHARTS[0]);
    return shown.map((c) => {
      let rows = prepareRows(s.points, c.metrics);
      if (c.id === "loss" && smoothing > 0) {
        const sm = smooth(rows.map((r) => r.loss ?? Number.NaN).filter(Number.isFinite), smoothing);
        let i = 0;
        rows = rows.map((r) => (r.loss === undefined ? r : { ...r, loss: sm[i++] }));
      }
      const series: Series[] = c.metrics.filter((m) => rows.some((r) => r[m] !== undefined)).map((m, i) => ({ key: m, label: LABELS[m] ?? m, color: COLORS[i % COLORS.length] }));
      if (c.id === "loss" && overlays.length) {
        rows = withOverlay(rows, overlays, "loss");
        overlays.forEach((o, i) => series.push({ key: `cmp:${o.id}`, label: `${o.label} (loss)`, color: COLORS[(i + 2) % COLORS.length], dashed: true }));
      }
      return { ...c, rows, series };
    });
  }, [s.points, overlays, smoothing]);
  const marks = lossMarks(s.notes);

  return (
    <>
      <div className="panel row" style={{ justifyContent: "space-between", flexWrap: "wrap", gap: 12 }}>
        <span>Status: <span className={`badge ${s.status}`} data-testid="training-status">{s.status}</span>{s.status === "queued" ? <> <QueuePosition jobId={job.id} /></> : null}</span>
        <span className="muted" data-testid="training-latest">
          {latest.loss ? `step ${latest.loss.step} · loss ${latest.loss.value.toFixed(4)}` : isActive(s.status) ? (s.status !== "queued" && s.notes.phase ? <span data-testid="training-phase">{phaseText(s.notes.phase)}</span> : "no metrics yet") : "no metrics"}
          {latest.eval_loss ? ` · eval ${latest.eval_loss.value.toFixed(4)}` : ""}
          {latest.tokens_per_s ? ` · ${Math.round(latest.tokens_per_s.value)} tok/s` : ""}
          {latest.mfu ? ` · MFU ${(latest.mfu.value * 100).toFixed(1)}%` : ""}
        </span>
        {isActive(s.status) ? <span className="muted" aria-live="polite">{s.connected ? "● live" : "connecting…"}</span> : null}
        <JobActions jobId={job.id} status={s.status} onChange={setStatus} hasCheckpoint={s.checkpoints.length > 0} />
      </div>
      {s.error ? (
        <div className="panel" role="alert" data-testid="training-error">
          <strong className="error" data-testid="training-error-headline">{errorHeadline(s.error)}</strong>
          {s.error.trim().includes("\n") ? (
            <details style={{ marginTop: 8 }}>
              <summary>Full error</summary>
              <pre className="log">{s.error}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
      <TrainerNotes notes={s.notes} />
      <OverlayPicker jobs={others} selected={overlayIds} onChange={setOverlayIds} />
      {charts.length ? (
        <>
          <label className="muted" style={{ display: "block", margin: "8px 0" }}>
            Loss smoothing <input type="range" min={0} max={0.95} step={0.05} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} aria-label="Loss smoothing" /> {smoothing.toFixed(2)}
          </label>
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(420px, 100%), 1fr))", gap: 12 }}>
            {charts.map((c) => <MetricChart key={c.id} id={c.id} title={c.title} rows={c.rows} series={c.series} percent={c.percent} marks={c.id === "loss" ? marks : undefined} />)}
          </div>
        </>
      ) : (
        <div className="empty">{isActive(s.status) ? "Curves appear here as the trainer reports metrics." : "The trainer reported no metrics."}</div>
      )}
      <h2>Log</h2>
      <pre className="log" data-testid="training-log" ref={logRef} tabIndex={0} aria-label="Trainer log" onScroll={(e) => { const el = e.currentTarget; stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24; }}>{s.log.slice(-200).join("\n") || "waiting for output…"}</pre>
      <h2>Checkpoints</h2>
      {s.checkpoints.length === 0 ? (
        <p className="muted">None yet: the trainer saves one every few steps (the “Checkpoint every” setting) and the final model at the end.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="training-checkpoints">
            <thead><tr><th className="num">Step</th><th>Kind</th><th>Path on the training host</th></tr></thead>
            <tbody>{s.checkpoints.map((c) => <tr key={`${c.final}-${c.step}`}><td className="num">{c.step}</td><td>{c.final ? (s.notes.final?.bestStep !== undefined ? `final model (weights of step ${s.notes.final.bestStep}, best eval loss)` : "final model") : "checkpoint"}</td><td style={{ overflowWrap: "anywhere" }}><code>{c.path}</code></td></tr>)}</tbody>
          </table>
        </div>
      )}
      {job.command ? (
        <>
          <h2>Command</h2>
          <pre className="log" style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }} data-testid="training-command">{job.command}</pre>
        </>
      ) : null}
    </>
  );
}
