import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { closeDefaultPool } from "@/lib/sandbox/default-pool";
import { pairSampledAnswers } from "./pair-sampled-answers";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await closeDefaultPool(); await t.cleanup(); });

const fenced = (code: string) => `Here you go.\n\n\`\`\`python\n${code}\n\`\`\`\n`;

it("answers whose programs print NUL bytes are executed, paired and their outputs stored (PostgreSQL refuses 0x00 in text)", async () => {
  // An untrained model's answers can be anything; these print binary to stdout and stderr.
  const query = { id: "q1", language: "py", instruction: "Write add(a, b).", tests: "assert add(1, 2) == 3" };
  const passing = "import sys\nsys.stdout.write('bin\\x00ary')\ndef add(a, b):\n    return a + b";
  const failing = "import sys\nsys.stderr.write('err\\x00or')\ndef add(a, b):\n    return a - b";
  const { records, counts } = await pairSampledAnswers(t.db, [query], new Map([["q1", [fenced(passing), fenced(failing)]]]), { n: 2, maxPairs: 2, preferShortest: true });
  expect(counts).toMatchObject({ answers: 2, passing: 1, pairs: 1, executed: 2 });
  expect(records[0]).toMatchObject({ chosenVerdict: "ok", chosen: fenced(passing), rejected: fenced(failing) });
  const stored = await t.db.execution.findMany({ orderBy: { status: "asc" } });
  expect(stored).toHaveLength(2);
  expect(stored.find((e) => e.status === "ok")!.stdout).toBe("bin\u2400ary");
  expect(stored.find((e) => e.status !== "ok")!.stderr).toContain("err\u2400or");
});
