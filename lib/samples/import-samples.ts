import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseImportText, type ImportDefaults, type ImportedPair, type ImportedSample } from "./import-lines";

export interface ImportResult {
  runId: string;
  runName: string;
  createdRun: boolean;
  samples: number;
  dpoPairs: number;
}

const BATCH = 500;

/**
 * Imports JSONL instruction data into a run (found by name, or created as an "import" run).
 * All or nothing: a file with a bad line imports nothing and the error names each line.
 */
export async function importSamples(db: Db, text: string, opts: ImportDefaults & { runName: string; source?: string }, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
  const { items, errors } = parseImportText(text, opts);
  if (errors.length) {
    const shown = errors.slice(0, 10).map((e) => `line ${e.line}: ${e.message}`).join("\n");
    throw new AppError("invalid:import", `Nothing imported: ${errors.length} bad line(s).\n${shown}${errors.length > 10 ? "\n…" : ""}`, { detail: errors });
  }
  if (items.length === 0) throw new AppError("invalid:import", "Nothing imported: the file holds no JSON lines.");
  const samples = items.filter((i): i is ImportedSample => i.kind === "sample");
  const pairs = items.filter((i): i is ImportedPair => i.kind === "pair");
  return db.$transaction(
    async (tx) => {
      const existing = await tx.run.findFirst({ where: { name: opts.runName }, orderBy: { createdAt: "desc" } });
      const run = existing ?? (await tx.run.create({ data: { name: opts.runName, status: "succeeded", config: { source: "import", file: opts.source ?? null } } }));
      for (let i = 0; i < samples.length; i += BATCH) {
        await tx.sample.createMany({
          data: samples.slice(i, i + BATCH).map(({ kind: _k, ...s }) => ({ ...s, runId: run.id })),
        });
        onProgress?.(Math.min(i + BATCH, samples.length), items.length);
      }
      for (let i = 0; i < pairs.length; i += BATCH) {
        await tx.dpoPair.createMany({ data: pairs.slice(i, i + BATCH).map(({ kind: _k, ...p }) => ({ ...p, runId: run.id })) });
        onProgress?.(samples.length + Math.min(i + BATCH, pairs.length), items.length);
      }
      return { runId: run.id, runName: run.name, createdRun: !existing, samples: samples.length, dpoPairs: pairs.length };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
