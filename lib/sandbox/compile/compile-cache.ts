import "server-only";
import { createHash } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { CompileOutcome } from "@/lib/sandbox/languages/language-spec";

interface Entry {
  dir: string;
  outcome: Promise<CompileOutcome>;
  refs: number;
  lastUsed: number;
}

export interface CompileLease {
  dir: string;
  outcome: CompileOutcome;
  /** True when an identical compilation had already been done (or was under way). */
  cached: boolean;
  release(): void;
}

/**
 * Compilations keyed by a hash of language, compiler, flags, file name and source: identical
 * programs (frequent among sampled completions) compile once. Each entry is a directory holding
 * the source and the compiler's outputs; runs mount its files read-only. Outcomes that depend on
 * load (timeouts, memory) are not kept. Least recently used entries go beyond `maxEntries`.
 */
export class CompileCache {
  private readonly entries = new Map<string, Entry>();
  private clock = 0;

  constructor(
    private readonly root: string,
    private readonly maxEntries = 2000,
  ) {}

  static key(parts: string[]): string {
    const hash = createHash("sha256");
    for (const part of parts) hash.update(`${part.length}:`).update(part);
    return hash.digest("hex").slice(0, 40);
  }

  async lease(key: string, build: (dir: string) => Promise<CompileOutcome>): Promise<CompileLease> {
    let entry = this.entries.get(key);
    const cached = entry !== undefined;
    if (!entry) {
      const dir = path.join(this.root, key);
      entry = { dir, outcome: this.build(dir, build), refs: 0, lastUsed: 0 };
      this.entries.set(key, entry);
    }
    entry.refs++;
    entry.lastUsed = ++this.clock;
    const held = entry;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      held.refs--;
      this.evict();
    };
    try {
      const outcome = await held.outcome;
      if (outcome.status === "timeout" || outcome.status === "memory") this.forget(key, held);
      return { dir: held.dir, outcome, cached, release };
    } catch (error) {
      this.forget(key, held);
      release();
      throw error;
    }
  }

  private async build(dir: string, build: (dir: string) => Promise<CompileOutcome>): Promise<CompileOutcome> {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true, mode: 0o755 });
    return build(dir);
  }

  private forget(key: string, entry: Entry): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
    this.removeLater(entry);
  }

  private removeLater(entry: Entry): void {
    const tryRemove = () => {
      if (entry.refs > 0) return void setTimeout(tryRemove, 1000).unref();
      void rm(entry.dir, { recursive: true, force: true });
    };
    tryRemove();
  }

  private evict(): void {
    if (this.entries.size <= this.maxEntries) return;
    const idle = [...this.entries].filter(([, e]) => e.refs === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of idle.slice(0, this.entries.size - this.maxEntries)) {
      this.entries.delete(key);
      this.removeLater(entry);
    }
  }
}
