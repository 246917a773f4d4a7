import type { RunStreamEvent } from "@/lib/domain/run-view";

/** An SSE response body as its data events, in order (comments, keepalives and `end` without an id left out). */
export function parseSse(text: string): RunStreamEvent[] {
  return text.split("\n\n").flatMap((block) => {
    const data = /^data: (.+)$/m.exec(block);
    return /^id: \d+$/m.test(block) && data ? [JSON.parse(data[1]) as RunStreamEvent] : [];
  });
}
