import path from "node:path";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, type ImportGraph } from "@/lib/testing/import-cycles";

const root = path.resolve(import.meta.dirname, "..");
const rel = (files: string[]) => files.map((f) => path.relative(root, f));
let libGraph: ImportGraph | undefined;
const graphOfLib = () => (libGraph ??= importGraph(root, ["lib"], (f) => /\.test\.tsx?$/.test(f) || f.includes(`${path.sep}generated${path.sep}`)));

describe("lib/ import graph", () => {
  it("has no runtime import cycle (type-only imports do not count: TypeScript erases them)", () => {
    const g = graphOfLib();
    expect(g.files.length).toBeGreaterThan(100);
    expect(importCycles(g).map(rel)).toEqual([]);
  });

  it("keeps the job contracts free of handlers: queuing a job loads no sandbox, trainer or evaluator", () => {
    const g = graphOfLib();
    const seen = new Set<string>();
    const visit = (f: string) => { if (seen.has(f)) return; seen.add(f); for (const t of g.edges.get(f) ?? []) visit(t); };
    visit(path.join(root, "lib/jobs/enqueue.ts"));
    const loaded = rel([...seen]);
    expect(loaded).toContain("lib/jobs/contracts/index.ts");
    expect(loaded.filter((f) => /^lib\/(jobs\/handlers|sandbox|training\/(run-training|runner-job)|evals\/app|pipeline\/run\/execute-run)/.test(f))).toEqual([]);
  });
});

describe("the cycle analyser", () => {
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "xi-cycles-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it("finds a cycle through @/ paths, relative paths, index files and re-exports", () => {
    const dir = tree({
      "lib/a.ts": `import { b } from "@/lib/b";\nexport const a = 1;`,
      "lib/b.ts": `export { c as b } from "./c";`,
      "lib/c/index.ts": `import "../a";\nexport const c = 2;`,
      "lib/d.ts": `import { a } from "./a";`,
    });
    expect(importCycles(importGraph(dir, ["lib"])).map((c) => c.map((f) => path.relative(dir, f)))).toEqual([["lib/a.ts", "lib/b.ts", "lib/c/index.ts"]]);
  });

  it("does not count type-only imports, type-only names, or dynamic import()", () => {
    const dir = tree({
      "lib/a.ts": `import type { B } from "./b";\nimport { type C } from "./c";\nexport type A = B | C;`,
      "lib/b.ts": `import { a } from "./a";\nexport type B = 1;`,
      "lib/c.ts": `export type { A } from "./a";\nexport type C = 2;\nexport const load = () => import("./a");`,
    });
    expect(importCycles(importGraph(dir, ["lib"]))).toEqual([]);
  });
});
