import { ExecutionStream } from "@/lib/evals/execution-stream";
import { sampleKey, type BenchmarkId, type Execute, type ExecutionResult, type Language, type SampleKey, type SampleResult } from "@/lib/evals/types";

export interface LanguageProgress {
  benchmark: BenchmarkId;
  language: Language;
  /** samples planned (problems x n) */
  total: number;
  generated: number;
  executed: number;
  passed: number;
}

/** A sample whose program is built and waits to be executed. */
export interface BuiltSample extends SampleKey {
  generation: string;
  completion: string;
  program: string;
}

export interface SampleExecutionOptions {
  execute: Execute;
  signal?: AbortSignal;
  /** persistence hook, awaited before the sample counts as executed (it never holds up the executor) */
  onResult?: (result: SampleResult) => void | Promise<void>;
  onProgress?: (progress: LanguageProgress[]) => void;
}

function toSampleResult(sample: BuiltSample, r: ExecutionResult): SampleResult {
  return {
    benchmark: sample.benchmark,
    language: sample.language,
    problemId: sample.problemId,
    sampleIndex: sample.sampleIndex,
    generation: sample.generation,
    completion: sample.completion,
    program: sample.program,
    status: r.status,
    passed: r.status === "ok" && r.exitCode === 0,
    exitCode: r.exitCode,
    stdout: r.stdout,
    stderr: r.stderr,
    ...(r.compileOutput !== undefined ? { compileOutput: r.compileOutput } : {}),
    durationMs: r.durationMs,
  };
}

/**
 * The one path from built programs to stored, counted results, shared by native evaluations
 * (samples arrive as generations come back) and imported generations (all known up front):
 * programs stream into the executor, each result goes to `onResult`, and per-language
 * progress is kept and reported.
 */
export class SampleExecution {
  readonly results = new Map<string, SampleResult>();
  readonly #progress = new Map<string, LanguageProgress>();
  readonly #stream: ExecutionStream;
  readonly #pending: Promise<void>[] = [];

  constructor(private readonly opts: SampleExecutionOptions) {
    this.#stream = new ExecutionStream(opts.execute, { signal: opts.signal });
  }

  /** Plans `count` samples of a benchmark/language; those already finished are counted as done. */
  plan(key: { benchmark: BenchmarkId; language: Language }, count: number): void {
    this.#bucket(key).total += count;
  }

  /** A result stored earlier (a resumed run): counted as generated and executed. */
  restore(result: SampleResult): void {
    const b = this.#bucket(result);
    b.generated++;
    b.executed++;
    if (result.passed) b.passed++;
    this.results.set(sampleKey(result), result);
  }

  result(key: SampleKey): SampleResult | undefined {
    return this.results.get(sampleKey(key));
  }

  generated(key: { benchmark: BenchmarkId; language: Language }, count: number): void {
    this.#bucket(key).generated += count;
    this.emit();
  }

  /** Queues the sample for execution; its result is stored and counted when it arrives. */
  submit(sample: BuiltSample): void {
    const id = sampleKey(sample);
    this.#pending.push(
      this.#stream.run({ id, language: sample.language, program: sample.program }).then(async (r) => {
        if (this.opts.signal?.aborted && r.status === "unavailable") return;
        const result = toSampleResult(sample, r);
        await this.opts.onResult?.(result);
        this.results.set(id, result);
        const b = this.#bucket(sample);
        b.executed++;
        if (result.passed) b.passed++;
        this.emit();
      }),
    );
  }

  /** Waits for every submitted sample; rethrows the first failure once all have settled. */
  async settle(): Promise<void> {
    const outcomes = await Promise.allSettled(this.#pending);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failed) throw failed.reason;
  }

  emit(): void {
    this.opts.onProgress?.([...this.#progress.values()].map((p) => ({ ...p })));
  }

  #bucket(key: { benchmark: BenchmarkId; language: Language }): LanguageProgress {
    const k = `${key.benchmark}/${key.language}`;
    let b = this.#progress.get(k);
    if (!b) this.#progress.set(k, (b = { benchmark: key.benchmark, language: key.language, total: 0, generated: 0, executed: 0, passed: 0 }));
    return b;
  }
}

/** Executes samples whose programs are already built (imported generations); results in input order. */
export async function executeSamples(samples: BuiltSample[], opts: SampleExecutionOptions): Promise<SampleResult[]> {
  const execution = new SampleExecution(opts);
  for (const s of samples) execution.plan(s, 1);
  for (const s of samples) execution.generated(s, 1);
  for (const s of samples) execution.submit(s);
  await execution.settle();
  opts.signal?.throwIfAborted();
  return samples.map((s) => execution.result(s)).filter((r): r is SampleResult => r !== undefined);
}
