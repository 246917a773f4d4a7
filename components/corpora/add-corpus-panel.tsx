"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { uploadFile } from "./upload-file";
import { fmtBytes } from "@/components/ui/format";
import styles from "./corpora.module.css";

interface BenchmarkChoice { path: string; name: string }


/**
 * Adds a corpus: a file dropped or picked here is uploaded (with a progress bar) and imported
 * by the worker; a server path or URL is imported from where it is (big corpora, git repos).
 */
export function AddCorpusPanel({ benchmarkFiles, benchmarksDir }: { benchmarkFiles: BenchmarkChoice[]; benchmarksDir: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<"upload" | "path">("upload");
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("");
  const [dragging, setDragging] = useState(false);
  const [name, setName] = useState("");
  const [maxTokens, setMaxTokens] = useState(1024);
  const [near, setNear] = useState(0.7);
  const [nearOff, setNearOff] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [extra, setExtra] = useState("");
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) setFile(f);
  }

  function options() {
    const benchmarks = [...chosen, ...extra.split("\n").map((l) => l.trim()).filter(Boolean)];
    return { maxTokens, nearThreshold: nearOff ? null : near, benchmarks };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      let body: { corpus: { id: string } };
      if (mode === "upload") {
        if (!file) throw new Error("Choose or drop a file first.");
        if (file.size === 0) throw new Error(`${file.name} is empty: nothing was imported.`);
        const q = new URLSearchParams({ filename: file.name, options: JSON.stringify(options()) });
        if (name.trim()) q.set("name", name.trim());
        setSent({ loaded: 0, total: file.size });
        body = (await uploadFile(`/api/corpora/upload?${q}`, file, (loaded, total) => setSent({ loaded, total }))) as typeof body;
      } else {
        const res = await fetch("/api/corpora", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ source, name: name.trim() || undefined, options: options() }) });
        const json = await res.json().catch(() => ({}));
        if (!res.ok) throw new Error(json?.error?.message ?? `HTTP ${res.status}`);
        body = json;
      }
      router.push(`/corpora/${body.corpus.id}`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }

  const pct = sent && sent.total ? Math.round((100 * sent.loaded) / sent.total) : 0;
  return (
    <form className="panel" onSubmit={submit} aria-label="Add a corpus">
      <div className="row" role="tablist">
        <button type="button" role="tab" aria-selected={mode === "upload"} className={mode === "upload" ? undefined : "secondary"} onClick={() => setMode("upload")}>Upload a file</button>
        <button type="button" role="tab" aria-selected={mode === "path"} className={mode === "path" ? undefined : "secondary"} onClick={() => setMode("path")}>From a server path or URL</button>
      </div>

      {mode === "upload" ? (
        <div style={{ marginTop: 12 }}>
          <div
            className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
            role="button"
            tabIndex={0}
            data-testid="drop-zone"
            onClick={() => input.current?.click()}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && input.current?.click()}
            onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            {file ? <strong>{file.name} · {fmtBytes(file.size)}</strong> : "Drop a .zip, .tar.gz, .jsonl or code file here, or click to choose one"}
          </div>
          <p className="muted" style={{ margin: "6px 0 0", fontSize: 13 }} data-testid="jsonl-keys">
            JSONL: one JSON object a line, <code>{'{"content": "def f(): ...", "language": "py", "path": "src/f.py"}'}</code> — <code>content</code> (the code) is required; <code>language</code> (py, java, cpp, cs, ts, js, php, sh, …) and <code>path</code> are optional (the language is detected when missing).
          </p>
          <input ref={input} type="file" hidden aria-label="Corpus file" accept=".zip,.tar,.tar.gz,.tgz,.jsonl,.ndjson,.py,.java,.cpp,.cc,.h,.hpp,.cs,.ts,.tsx,.js,.mjs,.jsx,.php,.sh" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
      ) : (
        <div className={styles.stack} style={{ marginTop: 12 }}>
          <label>
            Path or URL on the server
            <input value={source} onChange={(e) => setSource(e.target.value)} placeholder="/data/repos/my-project  ·  https://example.org/dump.jsonl" required />
          </label>
          <span className="muted">A folder with .git is read as the files tracked at HEAD.</span>
        </div>
      )}

      <div className={styles.fields}>
        <label>Name<input value={name} onChange={(e) => setName(e.target.value)} placeholder="from the file name" /></label>
        <label>Max tokens per snippet (16–32768)<input type="number" min={16} max={32768} value={maxTokens} onChange={(e) => setMaxTokens(Number(e.target.value))} /></label>
        <label>Near-duplicate threshold (Jaccard, 0.05–1)<input type="number" step={0.05} min={0.05} max={1} value={near} disabled={nearOff} onChange={(e) => setNear(Number(e.target.value))} /></label>
        <label className={styles.check}><input type="checkbox" checked={nearOff} onChange={(e) => setNearOff(e.target.checked)} /> keep near duplicates</label>
      </div>

      <fieldset style={{ border: 0, padding: 0, margin: "0 0 12px" }}>
        <legend className="muted" style={{ fontSize: 13, marginBottom: 6 }}>Decontaminate against benchmarks</legend>
        {benchmarkFiles.length ? (
          <div className={styles.benchmarks}>
            {benchmarkFiles.map((b) => (
              <label key={b.path} className={`${styles.check}`} style={{ display: "flex" }}>
                <input type="checkbox" checked={chosen.has(b.path)} onChange={(e) => setChosen((s) => { const n = new Set(s); if (e.target.checked) n.add(b.path); else n.delete(b.path); return n; })} /> {b.name}
              </label>
            ))}
          </div>
        ) : (
          <p className="muted" style={{ margin: "0 0 6px", fontSize: 13 }} data-testid="no-benchmarks">
            No benchmark files in <code>{benchmarksDir}</code> yet. To offer them here, copy HumanEval, MBPP or MultiPL-E files into that folder (<code>.jsonl</code> or <code>.json</code>, up to two folders deep), e.g. <code>HumanEval.jsonl</code> (openai/human-eval, gunzipped), <code>mbpp.jsonl</code> (google-research/mbpp) or MultiPL-E&apos;s <code>humaneval-py.jsonl</code>; or give their server paths or http(s) URLs below. The <code>BENCHMARKS_DIR</code> setting moves the folder.
          </p>
        )}
        <div className={styles.stack} style={{ marginTop: 8 }}>
          <label>More benchmark files (server paths or URLs, one a line; HumanEval / MultiPL-E / MBPP format)<textarea rows={2} value={extra} onChange={(e) => setExtra(e.target.value)} /></label>
        </div>
      </fieldset>

      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Working…" : mode === "upload" ? "Upload and import" : "Import"}</button>
        {error ? <span className="error" role="alert">{error}</span> : null}
      </div>
      {sent ? (
        <div style={{ marginTop: 12 }}>
          <div className="muted" data-testid="upload-progress-text">Uploading: {fmtBytes(sent.loaded)} of {fmtBytes(sent.total)} ({pct}%)</div>
          <div className={`progress ${pct === 100 ? "done" : ""}`} role="progressbar" aria-label="Upload" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-testid="upload-progress">
            <div style={{ width: `${pct}%` }} />
          </div>
        </div>
      ) : null}
    </form>
  );
}
