import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { useTrainingFixture } from "@/lib/training/testing/training-fixture";
import { createTrainingJob } from "@/lib/training/jobs-service";
import { runTrainingJob } from "@/lib/training/run-training";
import { tinyConfig } from "@/lib/training/testing/tiny-config";
import { resetEnvForTests } from "@/lib/env";

/**
 * The trainer gets HF_TOKEN (gated models need it), and whatever it prints is stored (log tail,
 * events, the job's error) and shown (the CLI's lines). A real trainer process that fails on a
 * dataset whose path holds the token's value quotes it back: the stored and shown text masks it.
 */
const TOKEN = "hf_echoTokenValue4f8a2c";
const f = useTrainingFixture("log-secrets");

describe("trainer output", () => {
  it("a token the trainer prints never reaches the log tail, the events, the error or the CLI's lines", async () => {
    const previous = process.env.HF_TOKEN;
    process.env.HF_TOKEN = TOKEN;
    resetEnvForTests();
    try {
      const bad = path.join(f.root, `${TOKEN}.jsonl`);
      writeFileSync(bad, '{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}\n{"broken\n');
      const job = await createTrainingJob(f.t.db, tinyConfig({ dataset: bad }), { workRoot: f.root, appUrl: f.server.url });
      const lines: string[] = [];
      const done = await runTrainingJob({ db: f.t.db, id: job.id, onLine: (l) => lines.push(l), pollMs: 200 });
      expect(done.status).toBe("failed");
      expect(done.error).toContain("[redacted].jsonl:2: not valid JSON");
      expect(done.error).not.toContain(TOKEN);
      expect(done.logTail).not.toContain(TOKEN);
      expect(lines.join("\n")).toContain("[redacted].jsonl");
      expect(lines.join("\n")).not.toContain(TOKEN);
      const events = JSON.stringify(await f.t.db.event.findMany({ where: { topic: `training:${job.id}` } }));
      expect(events).not.toContain(TOKEN);
    } finally {
      if (previous === undefined) delete process.env.HF_TOKEN;
      else process.env.HF_TOKEN = previous;
      resetEnvForTests();
    }
  }, 120_000);
});
