import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { executeItems, type ExecutionItem } from "@/lib/sandbox/execute-items";
import type { ExecutionResult } from "@/lib/sandbox";

/** One program's verdict, from the sandbox or from the cache of earlier identical programs. */
export interface CachedExecution {
  status: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  programHash: string;
  cached: boolean;
}

export interface CacheStats {
  programs: number;
  executed: number;
  hits: number;
}

export function programHash(program: string): string {
  return createHash("sha256").update(program).digest("hex");
}

const keyOf = (language: string, hash: string) => `${language}:${hash}`;

function fromResult(r: ExecutionResult, hash: string): CachedExecution {
  const stderr = [r.compileOutput, r.stderr].filter(Boolean).join("\n");
  return { status: r.status, exitCode: r.exitCode, stdout: r.stdout, stderr, durationMs: Math.round(r.durationMs), programHash: hash, cached: false };
}

/**
 * Runs programs with a cache keyed by (language, sha256(program)): identical programs in the
 * batch run once, programs already stored as an Execution do not run again. Verdicts that say
 * nothing about the program (unavailable toolchain) are never cached.
 */
export async function executeCached(
  db: Db,
  items: ExecutionItem[],
  opts: { signal?: AbortSignal; useCache?: boolean; onResult?: (id: string, e: CachedExecution) => void } = {},
): Promise<{ results: Map<string, CachedExecution>; stats: CacheStats }> {
  const useCache = opts.useCache ?? true;
  const results = new Map<string, CachedExecution>();
  const hashed = items.map((it) => ({ ...it, hash: programHash(it.program) }));
  const known = new Map<string, CachedExecution>();
  if (useCache && hashed.length) {
    const rows = await db.execution.findMany({
      where: { OR: [...new Set(hashed.map((h) => h.language))].map((language) => ({ language, programHash: { in: [...new Set(hashed.filter((h) => h.language === language).map((h) => h.hash))] } })) },
      orderBy: { createdAt: "desc" },
    });
    for (const r of rows) {
      const k = keyOf(r.language, r.programHash);
      if (!known.has(k) && r.status !== "unavailable") known.set(k, { status: r.status, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, durationMs: r.durationMs, programHash: r.programHash, cached: true });
    }
  }
  const toRun = new Map<string, ExecutionItem>();
  const waiting = new Map<string, string[]>();
  let hits = 0;
  for (const h of hashed) {
    const k = useCache ? keyOf(h.language, h.hash) : h.id;
    const hit = known.get(k);
    if (hit) {
      hits++;
      results.set(h.id, hit);
      opts.onResult?.(h.id, hit);
      continue;
    }
    if (!toRun.has(k)) toRun.set(k, { id: k, language: h.language, program: h.program });
    else hits++;
    waiting.set(k, [...(waiting.get(k) ?? []), h.id]);
  }
  const hashOf = new Map(hashed.map((h) => [useCache ? keyOf(h.language, h.hash) : h.id, h.hash]));
  await executeItems([...toRun.values()], {
    signal: opts.signal,
    onResult: (k, r) => {
      const e = fromResult(r, hashOf.get(k)!);
      (waiting.get(k) ?? []).forEach((id, i) => {
        const shared = i === 0 ? e : { ...e, cached: true };
        results.set(id, shared);
        opts.onResult?.(id, shared);
      });
    },
  });
  return { results, stats: { programs: items.length, executed: toRun.size, hits } };
}
