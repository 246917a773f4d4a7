/** The last lines of a job's output, kept in memory while it runs and stored as TrainingJob.logTail. */
export class LogTail {
  private lines: string[] = [];
  private partial = "";

  constructor(private readonly max = 200, initial?: string | null) {
    if (initial) this.lines = initial.split("\n").slice(-max);
  }

  /** Feeds raw output; returns the complete lines it contained. */
  push(chunk: string): string[] {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    this.add(parts);
    return parts;
  }

  add(lines: string[]): void {
    this.lines.push(...lines);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  flush(): string[] {
    if (!this.partial) return [];
    const last = [this.partial];
    this.partial = "";
    this.add(last);
    return last;
  }

  last(n: number): string[] {
    return this.lines.slice(-n);
  }

  text(): string {
    return this.lines.join("\n");
  }
}
