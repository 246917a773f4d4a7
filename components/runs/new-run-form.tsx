"use client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { DEFAULT_OPERATIONS } from "@/lib/domain/evolution-operations";
import { MULTIPLE_LANGUAGES } from "@/lib/domain/language-names";
import { MODEL_ROLES, safeParseRunConfig, type RunConfig } from "@/lib/domain/run-config";
import { runConfigToYaml, safeRunConfigFromYaml } from "@/lib/domain/run-config-yaml";
import { DEFAULT_ASPECTS } from "@/lib/domain/scoring-rubric";
import { getIn, issuesByPath, numberInput, optionalNumberInput, setIn } from "./config-state";
import { Check } from "./check";
import { Field } from "./field";
import { OperationsField } from "./operations-field";

export interface CorpusOption { id: string; name: string; status: string }

const MODES = {
  centralized: "Centralized: one main agent gathers the group's samples and writes the new one; the others contribute.",
  parallel: "Parallel: every agent of the group proposes in turn and the synthesis merges all proposals.",
} as const;
const ROLE_LABELS: Record<(typeof MODEL_ROLES)[number], string> = { iGenerator: "Instruction generator", rGenerator: "Response generator", scorer: "Scorer", discussion: "Discussion agents" };

/**
 * The new-run form over the run config (lib/domain/run-config.ts): its defaults are the
 * schema's, it validates with the same schema the API uses, and it saves / loads the YAML the
 * CLI takes.
 */
export function NewRunForm({ corpora, endpointNames, initial }: { corpora: CorpusOption[]; endpointNames: string[]; initial: RunConfig }) {
  const router = useRouter();
  const [config, setConfig] = useState<RunConfig>(initial);
  const [name, setName] = useState("");
  const [corpusId, setCorpusId] = useState(corpora.find((c) => c.status === "ready")?.id ?? "");
  const [languagesText, setLanguagesText] = useState(initial.languages.join(", "));
  const [showIssues, setShowIssues] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loads, setLoads] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);

  const candidate = useMemo(() => setIn(config, "languages", languagesText.split(/[\s,]+/).filter(Boolean)), [config, languagesText]);
  const result = useMemo(() => safeParseRunConfig(candidate, { knownEndpoints: endpointNames }), [candidate, endpointNames]);
  const issues = useMemo(() => (result.ok ? new Map<string, string[]>() : issuesByPath(result.issues)), [result]);
  const corpusError = !corpusId ? "Pick a corpus (add one under Corpora)." : null;
  const errs = (path: string) => (showIssues ? issues.get(path) : undefined);
  const set = (path: string, value: unknown) => setConfig((c) => setIn(c, path, value));
  const endpoints = [...new Set([...config.models.endpoints.map((e) => e.name), ...endpointNames])];

  /** `blank`: the field may be left empty, which stores null (the schema says what null means) */
  const num = (label: string, path: string, extra: { step?: string; hint?: string; blank?: string } = {}) => (
    <Field label={label} errors={errs(path)} hint={extra.hint}>
      <input
        aria-label={label}
        inputMode="decimal"
        step={extra.step}
        placeholder={extra.blank}
        value={String(getIn(config, path) ?? "")}
        onChange={(e) => set(path, (extra.blank !== undefined ? optionalNumberInput : numberInput)(e.target.value))}
      />
    </Field>
  );
  const select = (label: string, path: string, options: readonly string[], parse: (v: string) => unknown = (v) => v) => (
    <Field label={label} errors={errs(path)}>
      <select aria-label={label} value={String(getIn(config, path))} onChange={(e) => set(path, parse(e.target.value))}>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </Field>
  );

  function saveYaml() {
    if (!result.ok) return setShowIssues(true);
    const blob = new Blob([runConfigToYaml({ ...result.config, name: name || result.config.name })], { type: "application/yaml" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${(name || "run-config").replace(/[^\w.-]+/g, "-")}.yaml`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  async function loadYaml(file: File) {
    const r = safeRunConfigFromYaml(await file.text(), { knownEndpoints: endpointNames });
    if (!r.ok) {
      setNotice(null);
      return setError(`${file.name}: ${r.message}`);
    }
    setConfig(r.config);
    setLoads((n) => n + 1);
    setLanguagesText(r.config.languages.join(", "));
    if (r.config.name) setName(r.config.name);
    setError(null);
    setNotice(`Loaded ${file.name}.`);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setShowIssues(true);
    if (!result.ok || corpusError) return setError("Fix the fields marked below.");
    setBusy(true);
    setError(null);
    const res = await fetch("/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: name || undefined, corpusId, config: result.config }) });
    const json = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setError(json?.error?.message ?? `HTTP ${res.status}`);
    router.push(`/runs/${json.run.id}`);
  }

  const aspects = [...DEFAULT_ASPECTS, ...config.scorer.aspects.filter((a) => !DEFAULT_ASPECTS.some((d) => d.name === a.name))];
  const toggleAspect = (a: (typeof aspects)[number]) =>
    set("scorer.aspects", config.scorer.aspects.some((x) => x.name === a.name) ? config.scorer.aspects.filter((x) => x.name !== a.name) : [...config.scorer.aspects, a]);
  const modes = config.seedData.modes;

  return (
    <form onSubmit={submit} aria-label="New run" noValidate>
      <div className="row panel">
        <button type="button" onClick={() => fileRef.current?.click()}>Load config…</button>
        <input ref={fileRef} type="file" accept=".yaml,.yml,application/yaml,text/yaml" aria-label="Config file" hidden onChange={(e) => e.target.files?.[0] && loadYaml(e.target.files[0])} />
        <button type="button" onClick={saveYaml}>Save as config</button>
        {notice ? <span className="muted" data-testid="form-notice">{notice}</span> : null}
      </div>
      {error ? <pre className="error" role="alert" data-testid="form-error" style={{ whiteSpace: "pre-wrap" }}>{error}</pre> : null}

      <section className="panel">
        <h2>Data</h2>
        <div className="form-grid">
          <Field label="Name">
            <input aria-label="Name" value={name} placeholder="run name (optional)" onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Corpus" errors={showIssues && corpusError ? [corpusError] : undefined}>
            <select aria-label="Corpus" value={corpusId} onChange={(e) => setCorpusId(e.target.value)}>
              <option value="">— choose —</option>
              {corpora.map((c) => <option key={c.id} value={c.id} disabled={c.status !== "ready"}>{c.name}{c.status !== "ready" ? ` (${c.status})` : ""}</option>)}
            </select>
          </Field>
          <Field label="Languages" errors={errs("languages")} hint={`ids, comma-separated, of ${MULTIPLE_LANGUAGES.join(", ")}`}>
            <input aria-label="Languages" value={languagesText} onChange={(e) => setLanguagesText(e.target.value)} />
          </Field>
          {num("Seed", "seed", { hint: "fixes every random choice of the run" })}
          {num("Shards", "shards", { hint: "jobs that split the run, one per worker meant to take part (workers on other machines sharing the PostgreSQL database); the samples are the same for any number" })}
        </div>
        <div className="row" style={{ marginTop: 8 }}>
          Seed data:
          {(["ds1", "ds2"] as const).map((m) => (
            <Check key={m} checked={modes.includes(m)} onChange={() => set("seedData.modes", modes.includes(m) ? modes.filter((x) => x !== m) : [...modes, m])}>{m === "ds1" ? "Ds1 (instruction first)" : "Ds2 (response first)"}</Check>
          ))}
          {errs("seedData.modes") ? <span className="error">{errs("seedData.modes")!.join(" ")}</span> : null}
        </div>
      </section>

      <section className="panel">
        <h2>Agents and discussions</h2>
        <div className="form-grid">
          <Field label="Discussion mode" errors={errs("discussion.mode")} hint={MODES[config.discussion.mode]}>
            <select aria-label="Discussion mode" value={config.discussion.mode} onChange={(e) => set("discussion.mode", e.target.value)}>
              <option value="centralized">centralized</option>
              <option value="parallel">parallel</option>
            </select>
          </Field>
          {num("Agents per language", "agents.perLanguage", { blank: "one per seed", hint: "blank: one agent per accepted seed (the paper); N: the language's N best seeds found agents, its other seeds fill their memories" })}
          {num("Group size", "discussion.groupSize", { hint: "agents per discussion" })}
          {num("Critique rounds", "discussion.critiqueRounds", { hint: "0 = the paper's single prompt" })}
          {select("Target language", "discussion.targetLanguage", ["free", "group", "new"])}
          {num("Memory capacity T", "agents.memory.capacity")}
          {num("Similarity threshold", "agents.memory.similarity.threshold", { step: "0.05", hint: "a sample this similar to a memory entry is not kept" })}
          {select("Instruction similarity", "agents.memory.similarity.instructionMeasure", ["rouge-l", "jaccard"])}
          {select("Code similarity", "agents.memory.similarity.codeMeasure", ["jaccard", "rouge-l"])}
          {select("Combine similarities", "agents.memory.similarity.combine", ["max", "weighted", "instruction", "code"])}
          {num("Reflections in prompt", "agents.reflectionsInPrompt")}
          {num("Operations per step", "agents.operationsPerStep")}
        </div>
        <OperationsField key={loads} defaults={DEFAULT_OPERATIONS} value={config.agents.operations} onChange={(ops) => set("agents.operations", ops)} errors={errs("agents.operations")} />
      </section>

      <section className="panel">
        <h2>Scorer</h2>
        <div className="row">
          {aspects.map((a) => (
            <Check key={a.name} title={a.description} checked={config.scorer.aspects.some((x) => x.name === a.name)} onChange={() => toggleAspect(a)}>{a.name}</Check>
          ))}
        </div>
        {errs("scorer.aspects") ? <p className="error" role="alert">Aspects: {errs("scorer.aspects")!.join(" ")}</p> : null}
        <div className="form-grid">
          {select("Score scale", "scorer.scale", ["5", "10"], Number)}
          {num("Score threshold", "scorer.threshold", { step: "0.5", hint: "below it a sample is kept but filtered" })}
        </div>
      </section>

      <section className="panel">
        <h2>Models and targets</h2>
        <div className="form-grid">
          {MODEL_ROLES.map((role) => (
            <Field key={role} label={ROLE_LABELS[role]} errors={errs(`models.${role}.endpoint`)}>
              <select aria-label={`${ROLE_LABELS[role]} model`} value={config.models[role].endpoint} onChange={(e) => set(`models.${role}.endpoint`, e.target.value)}>
                {endpoints.map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </Field>
          ))}
          {num("Ds3 samples", "targets.ds3Samples", { hint: "discussions to run" })}
          {num("Samples per snippet", "seedData.samplesPerSnippet")}
        </div>
      </section>
      <button type="submit" className="primary" disabled={busy}>{busy ? "Starting…" : "Start run"}</button>
    </form>
  );
}
