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

  /**
   * The kept bytes as text. NUL bytes (a program printing binary, or an untrained model's
   * answer echoing one) become "␀": PostgreSQL's text columns refuse 0x00, and an output is for
   * people to read, so it is shown instead of failing the write that stores it.
   */
  text(): string {
    const body = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(this.chunks)).replaceAll("\0", "\u2400");
    return this.truncated ? `${body}\n[... ${this.total - this.kept} more bytes not kept]` : body;
  }
}
