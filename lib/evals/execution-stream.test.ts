import { describe, expect, it } from "vitest";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import type { Execute, ExecutionItem, Language } from "@/lib/evals/types";
import { ExecutionStream } from "./execution-stream";

const PROGRAMS: Partial<Record<Language, string>> = {
  py: "import time\ntime.sleep(0.05)\n",
  js: "setTimeout(() => {}, 50);\n",
  sh: "sleep 0.05\n",
};

/** The real local executor (two slots), watched: how many programs it holds, in which order they came. */
function watchedExecutor() {
  const inner = createLocalTestExecutor({ concurrency: 2 });
  const seen = { held: 0, maxHeld: 0, order: [] as Language[] };
  const execute: Execute = Object.assign(
    async (items: ExecutionItem[], opts?: Parameters<Execute>[1]) => {
      seen.held += items.length;
      seen.maxHeld = Math.max(seen.maxHeld, seen.held);
      seen.order.push(...items.map((i) => i.language));
      try {
        return await inner(items, opts);
      } finally {
        seen.held -= items.length;
      }
    },
    { slots: inner.slots },
  );
  return { execute, seen };
}

const item = (language: Language, i: number): ExecutionItem => ({ id: `${language}-${i}`, language, program: PROGRAMS[language]! });

describe("ExecutionStream", () => {
  it("keeps the executor twice its slots busy and runs each language's queued programs together", async () => {
    const { execute, seen } = watchedExecutor();
    const stream = new ExecutionStream(execute);
    // Programs arrive interleaved across languages, as generations of a multi-language run do.
    const items = Array.from({ length: 8 }, (_, i) => (["py", "js", "sh"] as const).map((l) => item(l, i))).flat();
    const results = await Promise.all(items.map((it) => stream.run(it)));
    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(seen.maxHeld).toBe(4);
    // The first four go straight in as they arrive; after that, queued programs go one language at a time.
    const rest = seen.order.slice(4);
    const switches = rest.filter((l, i) => i > 0 && l !== rest[i - 1]).length;
    expect(rest).toHaveLength(20);
    expect(switches).toBeLessThanOrEqual(2);
  });

  it("rejects the programs still waiting when cancelled, without running them", async () => {
    const { execute, seen } = watchedExecutor();
    const controller = new AbortController();
    const stream = new ExecutionStream(execute, { signal: controller.signal });
    const runs = Array.from({ length: 10 }, (_, i) => stream.run(item("sh", i)).then(() => "ran", (e: Error) => e.message));
    controller.abort(new Error("stop"));
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o === "stop").length).toBeGreaterThanOrEqual(6);
    expect(seen.order.length).toBeLessThanOrEqual(4);
    await expect(stream.run(item("py", 99))).rejects.toThrow("stop");
  });
});
