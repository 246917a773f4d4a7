import type { ProbeResult } from "@/lib/llm/probe/probe-result";

/** What the last connection test found, or why it failed, in words. */
export function ProbeSummary({ name, probe, probedAt }: { name: string; probe: ProbeResult; probedAt: string | null }) {
  const when = probedAt ? new Date(probedAt).toISOString().slice(0, 16).replace("T", " ") : null;
  return (
    <div className="panel" data-testid={`probe-${name}`} role="status" aria-label={`Connection test of ${name}`}>
      <div className="row" style={{ gap: 8, alignItems: "center" }}>
        <span className={`badge ${probe.ok ? "ok" : "failed"}`}>{probe.ok ? "connected" : "failed"}</span>
        <strong>{name}</strong>
        {probe.server ? <span className="muted">{probe.server}</span> : null}
        <span className="muted">tested {when ? `${when} UTC` : "just now"} in {probe.tookMs} ms</span>
      </div>
      {probe.ok ? null : <p className="error" data-testid="probe-error">{probe.error}</p>}
      <dl className="form-grid" style={{ margin: "8px 0 0", alignItems: "start" }}>
        {probe.servedModels ? <Fact label="Served models">{probe.servedModels.length ? probe.servedModels.join(", ") : "none listed"}{probe.modelServed === false ? " — the configured model is not among them" : ""}</Fact> : null}
        {probe.latencyMs !== undefined ? <Fact label="Latency">{probe.latencyMs} ms (one short chat request)</Fact> : null}
        {probe.structuredOutput ? <Fact label="Structured output">{probe.structuredOutput}</Fact> : null}
        {probe.contextLength ? <Fact label="Context length">{probe.contextLength.toLocaleString("en-US")} tokens{probe.contextSource ? ` (${probe.contextSource})` : ""}</Fact> : null}
        {probe.fileBytes !== undefined ? <Fact label="Model file">{(probe.fileBytes / 1024 / 1024).toFixed(1)} MiB</Fact> : null}
      </dl>
      {probe.notes.length ? <ul className="muted" style={{ margin: "8px 0 0", paddingLeft: 18 }}>{probe.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="muted">{label}</dt>
      <dd style={{ margin: 0, overflowWrap: "anywhere" }} data-testid={`fact-${label.toLowerCase().replace(/\s+/g, "-")}`}>{children}</dd>
    </div>
  );
}
