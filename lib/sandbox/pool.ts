import "server-only";
import os from "node:os";
import { AppError } from "@/lib/errors";
import { executeProgram } from "@/lib/sandbox/execute-program";
import type { LanguageSpec } from "@/lib/sandbox/languages/language-spec";
import { languages as defaultLanguages } from "@/lib/sandbox/languages/registry";
import { SandboxRuntime, type RuntimeOptions } from "@/lib/sandbox/runtime";
import { LANGUAGE_IDS, type ExecutionResult, type LanguageId, type ProgramSpec } from "@/lib/sandbox/types";

export interface SandboxPoolOptions extends RuntimeOptions {
  /** Concurrent runs; one per core by default. Each slot runs as its own uid. */
  size?: number;
  /** Replace or add registry entries (e.g. to point a toolchain elsewhere). */
  languages?: Partial<Record<LanguageId, LanguageSpec>>;
}

export interface RunOptions {
  signal?: AbortSignal;
}

export interface RunManyOptions extends RunOptions {
  /** At most this many of these programs at once (never more than the pool size). */
  concurrency?: number;
  /** Called as each program finishes, with its index in the input. */
  onResult?: (result: ExecutionResult, index: number) => void;
}

interface Waiter {
  resolve: (slot: number) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A fixed set of sandbox slots with a FIFO queue in front. Every program gets a fresh sandbox
 * (slot uid, no network, read-only system, private size-capped /work and /tmp, limits), compiled
 * languages go through the cache of identical compilations and warm compilers.
 */
export class SandboxPool {
  readonly size: number;
  readonly languages: Record<LanguageId, LanguageSpec>;
  private readonly runtime: SandboxRuntime;
  private readonly free: number[];
  private readonly queue: Waiter[] = [];
  private closed = false;
  private active = 0;

  constructor(options: SandboxPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? os.availableParallelism()));
    this.languages = { ...defaultLanguages, ...options.languages };
    this.runtime = new SandboxRuntime(options, this.size);
    this.free = Array.from({ length: this.size }, (_, i) => i);
  }

  /** Programs waiting for a slot. */
  get queued(): number {
    return this.queue.length;
  }

  /** Programs running now. */
  get running(): number {
    return this.active;
  }

  /** Throws `unavailable:language` (naming the package to install) when a toolchain is missing. */
  async assertAvailable(language: LanguageId): Promise<void> {
    await this.runtime.whenReady();
    const missing = await this.runtime.checkLanguage(this.language(language));
    if (missing) throw missing;
  }

  async run(spec: ProgramSpec, options: RunOptions = {}): Promise<ExecutionResult> {
    const language = this.language(spec.language);
    await this.runtime.whenReady();
    const slot = await this.acquire(options.signal);
    this.active++;
    try {
      return await executeProgram(spec, {
        runtime: this.runtime,
        language,
        languageIndex: LANGUAGE_IDS.indexOf(language.id),
        uid: this.runtime.uid("slot", slot),
        signal: options.signal,
      });
    } finally {
      this.active--;
      this.release(slot);
    }
  }

  /** Runs many programs, results in input order; a cancelled signal rejects with its reason. */
  async runMany(specs: ProgramSpec[], options: RunManyOptions = {}): Promise<ExecutionResult[]> {
    const byLanguage = new Map<LanguageId, string[]>();
    for (const spec of specs) byLanguage.set(spec.language, [...(byLanguage.get(spec.language) ?? []), spec.program]);
    await this.runtime.whenReady();
    for (const [id, programs] of byLanguage) this.language(id).planBatch?.(programs, this.runtime.shared(this.language(id)));
    const results = new Array<ExecutionResult>(specs.length);
    const width = Math.max(1, Math.min(options.concurrency ?? this.size, this.size, specs.length));
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < specs.length && !failed) {
        options.signal?.throwIfAborted();
        const index = next++;
        try {
          results[index] = await this.run(specs[index], { signal: options.signal });
        } catch (error) {
          failed = true;
          throw error;
        }
        options.onResult?.(results[index], index);
      }
    };
    await Promise.all(Array.from({ length: width }, worker));
    return results;
  }

  /** Stops warm compilers, rejects queued programs and removes the pool's files. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.queue.splice(0)) waiter.reject(new AppError("unavailable:sandbox", "The sandbox pool was closed."));
    await this.runtime.close();
  }

  private language(id: LanguageId): LanguageSpec {
    const language = this.languages[id];
    if (!language) throw new AppError("invalid:language", `Unknown language "${id}"; expected one of ${Object.keys(this.languages).join(", ")}.`);
    return language;
  }

  private acquire(signal?: AbortSignal): Promise<number> {
    if (this.closed) return Promise.reject(new AppError("unavailable:sandbox", "The sandbox pool was closed."));
    signal?.throwIfAborted();
    const slot = this.free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      waiter.onAbort = () => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private release(slot: number): void {
    const waiter = this.queue.shift();
    if (!waiter) return void this.free.push(slot);
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
    waiter.resolve(slot);
  }
}
