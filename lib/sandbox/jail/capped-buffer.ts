/** Keeps the first `cap` bytes of a stream and counts the rest. */
export class CappedBuffer {
  private chunks: Buffer[] = [];
  private kept = 0;
  total = 0;

  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= this.cap) return;
    const part = chunk.length > this.cap - this.kept ? chunk.subarray(0, this.cap - this.kept) : chunk;
    this.chunks.push(part);
    this.kept += part.length;
  }

  get truncated(): boolean {
    return this.total > this.kept;
  }

  text(): string {
    const body = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(this.chunks));
    return this.truncated ? `${body}\n[... ${this.total - this.kept} more bytes not kept]` : body;
  }
}
