"use client";
import type { EndpointChoice } from "@/lib/evals/app/endpoint-choices";

/**
 * Endpoint, URL and mode of an evaluation (the evaluation and ablation forms): every Settings
 * endpoint that can run one, those that cannot with the reason, and chat mode where the endpoint
 * answers chat only (the demo model, local GGUF models).
 */
export function EndpointPicker({ choices, endpointName, onEndpoint }: { choices: EndpointChoice[]; endpointName: string; onEndpoint: (name: string) => void }) {
  const chosen = choices.find((c) => c.name === endpointName);
  const blocked = choices.filter((c) => !c.usable);
  return (
    <>
      <label>Endpoint
        <select aria-label="Endpoint" value={endpointName} onChange={(e) => onEndpoint(e.target.value)}>
          {choices.map((c) => (
            <option key={c.name} value={c.name} disabled={!c.usable}>
              {c.name} ({c.provider === "scripted" ? "demo model" : c.model}){c.usable ? "" : " — cannot be used"}
            </option>
          ))}
          <option value="">Other URL…</option>
        </select>
        {chosen?.note ? <small className="muted" data-testid="endpoint-note">{chosen.note}</small> : null}
      </label>
      {endpointName ? null : <label>Endpoint URL<input name="endpointUrl" aria-label="Endpoint URL" placeholder="http://127.0.0.1:8000/v1" required /></label>}
      <label>Mode
        {chosen?.chatOnly ? (
          <select key="chat-only" name="mode" aria-label="Mode" defaultValue="chat">
            <option value="chat">chat (this endpoint answers chat prompts only)</option>
          </select>
        ) : (
          <select key="any" name="mode" aria-label="Mode" defaultValue="completion">
            <option value="completion">completion (base model)</option>
            <option value="chat">chat (instruct model)</option>
          </select>
        )}
      </label>
      {blocked.length ? (
        <div className="muted" data-testid="unusable-endpoints" style={{ gridColumn: "1 / -1" }}>
          Not usable for an evaluation:
          <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>{blocked.map((c) => <li key={c.name}><strong>{c.name}</strong>: {c.note}</li>)}</ul>
        </div>
      ) : null}
      {choices.length === 0 ? <small className="muted" style={{ gridColumn: "1 / -1" }}>No endpoints in Settings: give a URL, or add the demo model or a local GGUF model in <a href="/settings">Settings</a> to evaluate offline.</small> : null}
    </>
  );
}

/** The endpoint a form starts with: the first usable one, else "Other URL…". */
export function firstUsable(choices: EndpointChoice[]): string {
  return choices.find((c) => c.usable)?.name ?? "";
}
