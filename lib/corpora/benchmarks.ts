import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { buildContaminationIndex, loadBenchmarkFile, type BenchmarkItem, type ContaminationIndex } from "@/lib/pipeline/ingest";
import { downloadToTemp } from "@/lib/pipeline/ingest/sources/download";

export interface BenchmarkFile {
  /** Absolute path, as a user would pass it to --benchmark. */
  path: string;
  /** Relative to the benchmarks folder ("multipl-e/humaneval-py.jsonl"). */
  name: string;
  bytes: number;
}

const BENCHMARK_FILE = /\.(jsonl|json)$/i;

/**
 * The benchmark files under a configured folder (two levels deep), offered in the browser as
 * decontamination choices. A missing folder is not an error: there is simply nothing to offer.
 */
export async function listBenchmarkFiles(dir: string, maxDepth = 2): Promise<BenchmarkFile[]> {
  const out: BenchmarkFile[] = [];
  async function walk(rel: string, depth: number) {
    let entries;
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && depth < maxDepth && !e.name.startsWith(".")) await walk(r, depth + 1);
      else if (e.isFile() && BENCHMARK_FILE.test(e.name)) {
        const full = path.join(dir, r);
        out.push({ path: full, name: r, bytes: (await fs.stat(full)).size });
      }
    }
  }
  await walk("", 0);
  return out;
}

export interface LoadBenchmarkOptions {
  /** Cap of a benchmark downloaded from a URL. */
  maxDownloadBytes?: number;
  tempDir?: string;
  signal?: AbortSignal;
}

/** Loads benchmark files given as server paths or http(s) URLs; a bad one fails with its name. */
export async function loadBenchmarks(refs: readonly string[], opts: LoadBenchmarkOptions = {}): Promise<BenchmarkItem[]> {
  const items: BenchmarkItem[] = [];
  for (const ref of refs) {
    if (/^https?:\/\//i.test(ref)) {
      const dl = await downloadToTemp(ref, opts.maxDownloadBytes ?? 256 * 1024 * 1024, opts.tempDir, opts.signal);
      try {
        items.push(...(await loadBenchmarkFile(dl.file, dl.name.replace(/\.(jsonl|json)$/i, ""))));
      } finally {
        await dl.cleanup();
      }
    } else {
      items.push(...(await loadBenchmarkFile(path.resolve(ref))));
    }
  }
  return items;
}

/** The contamination index of the selected benchmarks, or null when none was selected. */
export async function contaminationIndexFor(refs: readonly string[], opts: LoadBenchmarkOptions = {}): Promise<ContaminationIndex | null> {
  if (refs.length === 0) return null;
  const items = await loadBenchmarks(refs, opts);
  if (items.length === 0) throw new AppError("invalid:benchmark", "The selected benchmark files hold no problems.");
  return buildContaminationIndex(items);
}
