import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportDataset } from "@/lib/export/export-dataset";
import { listSamples } from "@/lib/samples/list-samples";
import { sampleFilterSchema } from "@/lib/samples/sample-filter";
import { selectDpoQueries } from "@/lib/pipeline/dpo/select-queries";
import { closeDefaultPool } from "@/lib/sandbox";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { runWithSamples } from "./test-support";
import { verifyRun } from "./verify-run";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); await closeDefaultPool(); });

/** Tests that call the solution and check nothing: they pass whatever it returns. */
const VACUOUS: Record<string, string> = {
  py: "sum_evens([1, 2])\nprint('ok')",
  js: "sumEvens([1, 2]);\nconsole.log('ok');",
  ts: "sumEvens([1, 2]);\nconsole.log('ok');",
  java: "public class Main {\n    public static void main(String[] args) {\n        Solution.sumEvens(new int[] {1, 2});\n        System.out.println(\"ok\");\n    }\n}",
  cpp: "#include <cstdio>\nint main() {\n    sum_evens({1, 2});\n    std::puts(\"ok\");\n    return 0;\n}",
  cs: "class Program\n{\n    static void Main()\n    {\n        Solution.SumEvens(new[] { 1, 2 });\n        System.Console.WriteLine(\"ok\");\n    }\n}",
  php: "sum_evens([1, 2]);\necho 'ok';",
  sh: "sum_evens 1 2 >/dev/null\necho ok",
};
const LANGUAGES = Object.keys(VACUOUS);

describe("the vacuous-test check of stage verify (real sandbox)", () => {
  it("flags tests that pass a stub of the solution in every language, and leaves genuine tests verified", async () => {
    const { runId, ids } = await runWithSamples(t.db, LANGUAGES.flatMap((language) => [{ language, key: "sum-evens" as const }, { language, key: "sum-evens" as const }]));
    // every second sample gets tests that assert nothing
    for (const [i, language] of LANGUAGES.entries()) await t.db.sample.update({ where: { id: ids[2 * i + 1] }, data: { tests: VACUOUS[language] } });
    const counts = await verifyRun(t.db, runId);
    const rows = new Map((await t.db.sample.findMany({ where: { runId } })).map((s) => [s.id, s]));
    const seen = LANGUAGES.map((language, i) => ({ language, genuine: [rows.get(ids[2 * i])!.verdict, rows.get(ids[2 * i])!.stubCheck], vacuous: [rows.get(ids[2 * i + 1])!.verdict, rows.get(ids[2 * i + 1])!.stubCheck] }));
    expect(seen).toEqual(LANGUAGES.map((language) => ({ language, genuine: ["ok", "genuine"], vacuous: ["vacuous", "vacuous"] })));
    expect(counts).toMatchObject({ verified: 16, passed: 8, vacuous: 8, failed: 0, stubUnavailable: 0, outcome: "succeeded" });
    const done = await t.db.event.findFirst({ where: { topic: `run:${runId}`, type: "verify.done" } });
    expect(done!.data).toMatchObject({ vacuous: 8, passed: 8 });

    // the samples table filters them, and an export says so in each line's metadata
    const page = await listSamples(t.db, sampleFilterSchema.parse({ runId, verdict: "vacuous" }));
    expect(page.items.map((r) => r.id).sort()).toEqual(LANGUAGES.map((_, i) => ids[2 * i + 1]).sort());
    expect(page.items.every((r) => r.stubCheck === "vacuous")).toBe(true);
    await t.db.sample.updateMany({ where: { runId }, data: { curation: "accepted" } });
    const out = mkdtempSync(path.join(os.tmpdir(), "xi-vacuous-export-"));
    // dedup off: each language's two samples differ only in their tests, and every line's metadata is checked here
    await exportDataset(t.db, { format: "sft", filter: sampleFilterSchema.parse({ runId }), outDir: path.join(out, "sft"), dedup: false });
    const exported = readFileSync(path.join(out, "sft/data/train-00000-of-00001.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; tests_check?: string });
    expect(new Map(exported.map((l) => [l.id, l.tests_check]))).toEqual(new Map(ids.map((id, i) => [id, i % 2 ? "vacuous" : "genuine"])));
    rmSync(out, { recursive: true, force: true });
  }, 300_000);

  it("says when the stub check is unavailable instead of calling the sample's tests genuine", async () => {
    const { runId, ids } = await runWithSamples(t.db, [{ language: "py", key: "sum-evens" }]);
    // a solution with no function: nothing to stub
    await t.db.sample.update({ where: { id: ids[0] }, data: { solution: "TOTAL = 6", tests: "assert TOTAL == 6" } });
    const counts = await verifyRun(t.db, runId);
    const s = await t.db.sample.findUniqueOrThrow({ where: { id: ids[0] } });
    expect([s.verdict, s.stubCheck, s.stubNote]).toEqual(["ok", "unavailable", expect.stringMatching(/no function or method/)]);
    expect(counts).toMatchObject({ passed: 1, stubUnavailable: 1, vacuous: 0 });
    expect((await listSamples(t.db, sampleFilterSchema.parse({ runId, verdict: "stub_unavailable" }))).items.map((r) => r.id)).toEqual([ids[0]]);
  }, 120_000);

  it("DPO takes no query whose tests are vacuous, even one verified before the check existed", async () => {
    const { runId, ids } = await runWithSamples(t.db, [{ language: "py", key: "sum-evens" }, { language: "py", key: "is-palindrome" }, { language: "js", key: "sum-evens" }]);
    // verified as "ok" by an older version: no stub check on record
    await t.db.sample.update({ where: { id: ids[1] }, data: { tests: "is_palindrome('abba')" } });
    await t.db.sample.updateMany({ where: { runId }, data: { verdict: "ok" } });
    const queries = await selectDpoQueries(t.db, runId);
    expect(queries.map((q) => q.id).sort()).toEqual([ids[0], ids[2]].sort());
    const checked = await t.db.sample.findUniqueOrThrow({ where: { id: ids[1] } });
    expect([checked.verdict, checked.stubCheck]).toEqual(["vacuous", "vacuous"]);
  }, 120_000);
});
