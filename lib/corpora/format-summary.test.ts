import { describe, expect, it } from "vitest";
import { ingestSource } from "@/lib/pipeline/ingest";
import { formatReportSummary } from "./format-summary";
import { tempDir, writeProject } from "./testing/fixtures";

describe("formatReportSummary", () => {
  it("states files, skip reasons, drops and languages of a real import", async () => {
    const t = tempDir("summary-");
    const dir = writeProject(t.path("p"));
    t.write("p/dup.py", (await import("./testing/fixtures")).PROJECT["src/app.py"]);
    const { report } = await ingestSource(dir);
    t.cleanup();
    const text = formatReportSummary(report);
    expect(text).toContain("files: 8 seen, 6 imported, 2 skipped");
    expect(text).toContain("skipped unsupported language: 2");
    expect(text).toMatch(/dropped 1 exact duplicates/);
    expect(text).toMatch(/Python\s+2 files\s+1 snippets/);
    expect(text).toContain("benchmarks: none");
  });
});
