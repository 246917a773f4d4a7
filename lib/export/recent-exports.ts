import "server-only";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";

/** A JSONL file of a dashboard export that the trainer can read, for the training form's picker. */
export interface ExportedDataset {
  /** absolute path on this host, what the form's dataset field takes */
  path: string;
  /** the export's id (its folder under <dataDir>/exports) */
  exportId: string;
  kind: "sft" | "dpo";
  modifiedAt: string;
}

const EXPORT_ID = /^\d{8}-\d{6}-[a-f0-9]{6}$/;

/** What a JSONL line holds: chat `messages` (SFT) or `prompt`/`chosen`/`rejected` (DPO); else not for the trainer. */
export function datasetKind(firstLine: string): "sft" | "dpo" | null {
  try {
    const r = JSON.parse(firstLine) as Record<string, unknown>;
    if (Array.isArray(r.messages)) return "sft";
    if ("chosen" in r && "rejected" in r) return "dpo";
  } catch {
    /* not JSON: not offered */
  }
  return null;
}

async function firstLine(file: string): Promise<string> {
  const h = await open(file, "r");
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString("utf8").split("\n")[0];
  } finally {
    await h.close();
  }
}

async function jsonlFiles(dir: string, depth = 3): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0) out.push(...(await jsonlFiles(p, depth - 1)));
    else if (e.isFile() && e.name.endsWith(".jsonl")) out.push(p);
  }
  return out;
}

/** The newest exports' SFT and DPO files, newest first (at most `limit`). */
export async function listExportedDatasets(dataDir: string, limit = 20): Promise<ExportedDataset[]> {
  const root = path.join(dataDir, "exports");
  const ids = (await readdir(root).catch(() => [] as string[])).filter((id) => EXPORT_ID.test(id)).sort().reverse().slice(0, limit);
  const found: ExportedDataset[] = [];
  for (const exportId of ids) {
    for (const file of await jsonlFiles(path.join(root, exportId))) {
      const kind = datasetKind(await firstLine(file).catch(() => ""));
      if (kind) found.push({ path: file, exportId, kind, modifiedAt: (await stat(file)).mtime.toISOString() });
    }
  }
  return found.slice(0, limit);
}
