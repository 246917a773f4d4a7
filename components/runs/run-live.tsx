"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { languageName } from "@/lib/domain/language-names";
import { stageBars } from "@/lib/domain/run-stages";
import { applyRunEvent, MIN_RATE_WINDOW_MS, throughput, type RunViewState } from "@/lib/domain/run-view";
import { fmtCompact } from "@/components/ui/format";
import { statusLabel } from "@/lib/domain/stage-outcome";
import { AgentList } from "./agent-list";
import { FailureCausesTable } from "./failure-causes";
import { ConversationStream } from "./conversation-stream";
import { DiscussionBrowser } from "./discussion-browser";
import { RunControls } from "./run-controls";
import { StageActions } from "./stage-actions";
import { StageCounts } from "./stage-counts";
import { useRunEvents } from "./use-run-events";
import { useStagePolling } from "./use-stage-polling";

const TYPES = ["status", "stage", "progress", "discussion.message", "verify.progress", "verify.done", "dpo.progress", "dpo.done"];
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

/**
 * The live run view: status, stage bars, counts per language, throughput, usage, verify and
 * DPO counts, and the discussions as they happen. `initial` is the server's snapshot; the
 * stream follows from its last event.
 */
export function RunLive({ runId, languages, initial, stalled }: { runId: string; languages: string[]; initial: RunViewState; stalled: boolean }) {
  const init = useCallback(() => initial, [initial]);
  const { state, connected } = useRunEvents(runId, TYPES, init, applyRunEvent, initial.lastSeq);
  // a stage started from this page after the stream ended: the seq it was asked at
  const [requested, setRequested] = useState<number | null>(null);
  // after it, the stages are read until the asked-for one has spoken and none is under way
  const { polled, error: pollError } = useStagePolling(runId, state.ended, requested, state.stages);
  const fresh = polled && polled.seq > state.lastSeq ? polled : null;
  const stages = fresh?.stages ?? state.stages;
  const waiting = requested !== null && !(fresh && fresh.stageSeq > requested);
  const c = state.counts;
  const rate = throughput(state);
  // the agents and discussions tables refetch every 10 discussions
  const tick = Math.floor((c?.discuss.done ?? 0) / 10);
  const langs = Object.entries(c?.byLanguage ?? {}).sort(([a], [b]) => a.localeCompare(b));
  // a discussion may target a language the config does not list
  const searchable = [...new Set([...languages, ...langs.map(([l]) => l)])];

  return (
    <>
      <div className="panel row" style={{ justifyContent: "space-between" }}>
        <span>
          Status: <span className={`badge ${state.status}`} data-testid="run-status">{statusLabel(state.status)}</span>{" "}
          <span className="muted" data-testid="stream-state">{state.ended ? "finished" : connected ? "live" : "connecting…"}</span>
        </span>
        <RunControls runId={runId} status={state.status} stalled={stalled && !state.ended} />
      </div>

      <section className="panel" aria-label="Stages">
        {stageBars(c, state.status, stages).map((b) => (
          <div key={b.stage} style={{ marginBottom: 8 }}>
            <div className="row" style={{ justifyContent: "space-between" }}>
              <span>{b.stage}</span>
              <span className="muted" data-testid={`stage-${b.stage}`}>{b.done}/{b.total || "?"} · {b.state}</span>
            </div>
            <div className={b.state === "done" ? "progress done" : "progress"} role="progressbar" aria-label={`${b.stage} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={b.pct}>
              <div style={{ width: `${b.pct}%` }} />
            </div>
          </div>
        ))}
        <StageCounts stages={stages} />
        <StageActions runId={runId} status={state.status} stages={stages} waiting={waiting} onStarted={() => setRequested(Math.max(state.lastSeq, polled?.seq ?? 0))} />
        {pollError ? <p className="error" role="alert">Could not read the stages' progress: {pollError} (trying again)</p> : null}
      </section>

      <FailureCausesTable title={`Failed generation steps by cause (${c?.failedSteps ?? 0} of ${(c?.seed.done ?? 0) + (c?.discuss.done ?? 0)} steps)`} causes={c?.failureCauses} testId="run-failure-causes" />
      <FailureCausesTable title="Failed verification steps by cause" causes={stages.verify?.causes} testId="verify-failure-causes" />
      <FailureCausesTable title="Failed DPO answers by cause" causes={stages.dpo?.causes} testId="dpo-failure-causes" />

      <div className="cards">
        <div className="card"><div className="n" data-testid="count-accepted">{c?.samples.accepted ?? 0}</div><div className="l">accepted samples</div></div>
        <div className="card"><div className="n">{c?.samples.filtered ?? 0}</div><div className="l">filtered</div></div>
        <div className="card"><div className="n">{c ? `${c.samples.ds1}/${c.samples.ds2}/${c.samples.ds3}` : "0/0/0"}</div><div className="l">Ds1 / Ds2 / Ds3</div></div>
        <div className="card" title={`a rate once progress spans ${MIN_RATE_WINDOW_MS / 1000} s`}><div className="n" data-testid="sample-rate">{rate ? fmtCompact(rate.samplesPerMin) : "—"}</div><div className="l">{rate ? "samples / min" : "samples / min (after 30 s of progress)"}</div></div>
        <div className="card"><div className="n" data-testid="tokens">{fmt((c?.usage.inputTokens ?? 0) + (c?.usage.outputTokens ?? 0))}</div><div className="l">tokens ({fmt(c?.usage.inputTokens ?? 0)} in, {fmt(c?.usage.outputTokens ?? 0)} out){rate ? ` · ${fmtCompact(rate.tokensPerMin)}/min` : ""}</div></div>
        <div className="card"><div className="n">{c?.usage.costUsd != null ? `$${c.usage.costUsd.toFixed(4)}` : "—"}</div><div className="l">cost · {c?.usage.calls ?? 0} calls</div></div>
      </div>

      {langs.length ? (
        <table data-testid="language-counts">
          <thead><tr><th>Language</th><th>Ds1</th><th>Ds2</th><th>Ds3</th><th>Accepted</th><th>Filtered</th></tr></thead>
          <tbody>{langs.map(([l, n]) => <tr key={l}><td>{languageName(l)}</td><td>{n.ds1}</td><td>{n.ds2}</td><td>{n.ds3}</td><td>{n.accepted}</td><td>{n.filtered}</td></tr>)}</tbody>
        </table>
      ) : null}

      <h2>Agents</h2>
      <AgentList runId={runId} languages={searchable} count={(c as { agents?: number } | null)?.agents ?? 0} tick={tick} />
      <h2>Discussions <span className="muted" style={{ fontSize: 14 }} data-testid="message-count">{state.messages} messages</span></h2>
      <p className="muted"><Link href={`/samples?runId=${encodeURIComponent(runId)}`}>Samples of this run</Link> · <a href={`/api/runs/${runId}/config?format=yaml`}>Config (YAML)</a></p>
      <DiscussionBrowser runId={runId} languages={searchable} tick={tick} />
      {/* a finished run with none in its stream has them all in the table above */}
      {state.conversations.length || !state.ended ? (
        <>
          <h3>Latest discussions, live</h3>
          {/* the newest 50 as they happen, in a box of bounded height: every one is in the table above */}
          <div style={{ maxHeight: "70vh", overflowY: "auto" }} data-testid="live-discussions">
            <ConversationStream conversations={state.conversations} runId={runId} />
          </div>
        </>
      ) : null}
    </>
  );
}
