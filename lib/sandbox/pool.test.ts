import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { python } from "@/lib/sandbox/languages/python";
import { SandboxPool } from "@/lib/sandbox/pool";

const pool = new SandboxPool({ size: 2, serversPerLanguage: 1 });
afterAll(() => pool.close());

const javaProgram = (body: string) => `class Problem {\n  static int f() {\n    ${body}\n  }\n  public static void main(String[] a) {\n    assert f() == 3;\n  }\n}\n`;

describe("SandboxPool", () => {
  it("runs as many programs at once as it has slots, each slot as its own uid", async () => {
    const program = "import os, time\nstart = time.time()\ntime.sleep(0.5)\nprint(os.getuid(), start, time.time())\n";
    const results = await pool.runMany(Array.from({ length: 6 }, () => ({ language: "py" as const, program })));
    expect(results.every((r) => r.status === "ok")).toBe(true);
    const runs = results.map((r) => r.stdout.trim().split(" ").map(Number));
    expect(new Set(runs.map(([uid]) => uid)).size).toBe(2);
    expect(runs.every(([uid]) => uid > 0)).toBe(true);
    // At the midpoint of each run, how many runs were going on: at most two, and two at some point.
    const concurrentAt = (t: number) => runs.filter(([, start, end]) => start <= t && t <= end).length;
    const counts = runs.map(([, start, end]) => concurrentAt((start + end) / 2));
    expect(Math.max(...counts)).toBe(2);
  });

  it("queues beyond its size and reports results in input order", async () => {
    const seen: number[] = [];
    const programs = [3, 1, 2, 0].map((n) => ({ language: "sh" as const, program: `sleep 0.${n}\necho ${n}\n` }));
    const promise = pool.runMany(programs, { onResult: (_r, index) => seen.push(index) });
    await new Promise((r) => setTimeout(r, 50));
    expect(pool.running).toBe(2);
    const results = await promise;
    expect(results.map((r) => r.stdout)).toEqual(["3\n", "1\n", "2\n", "0\n"]);
    expect(seen.sort()).toEqual([0, 1, 2, 3]);
  });

  it("cancellation kills running programs and drops queued ones", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const programs = Array.from({ length: 6 }, () => ({ language: "sh" as const, program: "sleep 30\n" }));
    const promise = pool.runMany(programs, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 300);
    await expect(promise).rejects.toThrow("user cancelled");
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(pool.running).toBe(0);
    expect(pool.queued).toBe(0);
    expect((await pool.run({ language: "py", program: "print('next')\n" })).stdout).toBe("next\n");
  });

  it("limits are configurable per run", async () => {
    const slow = "import time\ntime.sleep(2)\nprint('done')\n";
    expect((await pool.run({ language: "py", program: slow })).status).toBe("ok");
    expect((await pool.run({ language: "py", program: slow, limits: { wallMs: 700 } })).status).toBe("timeout");
  });

  it("a syntax error in one Java program does not fail its neighbours in a batch", async () => {
    const results = await pool.runMany([
      { language: "java", program: javaProgram("return 3;") },
      { language: "java", program: javaProgram("return 3") },
      { language: "java", program: javaProgram("return 4;") },
      { language: "java", program: javaProgram("return 1 + 2;") },
    ]);
    expect(results.map((r) => r.status)).toEqual(["ok", "syntax_error", "exception", "ok"]);
    expect(results[1].compileOutput).toMatch(/Problem\.java|Main\.java/);
    expect(results[1].compileOutput).toContain("';' expected");
    expect(results[2].stderr).toContain("AssertionError");
  }, 120_000);

  it("identical compilations are done once", async () => {
    const program = "#include <cstdio>\nint main(){ puts(\"cached\"); }\n";
    const first = await pool.run({ language: "cpp", program });
    const second = await pool.run({ language: "cpp", program });
    expect(first.stdout).toBe("cached\n");
    expect(second.stdout).toBe("cached\n");
    expect(first.compileCached).toBe(false);
    expect(second.compileCached).toBe(true);
    expect(second.compileMs!).toBeLessThan(first.compileMs!);
  }, 60_000);

  it("a missing toolchain is an unavailable verdict naming the apt package", async () => {
    const broken = new SandboxPool({ size: 1, languages: { py: { ...python, requires: () => [{ path: "/usr/bin/python9", install: "apt package python9" }] } } });
    try {
      const result = await broken.run({ language: "py", program: "print(1)\n" });
      expect(result.status).toBe("unavailable");
      expect(result.stderr).toContain("apt package python9");
      const error = await broken.assertAvailable("py").catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("unavailable:language");
    } finally {
      await broken.close();
    }
  });

  it("an unknown language is an invalid:language error", async () => {
    await expect(pool.run({ language: "cobol" as never, program: "" })).rejects.toMatchObject({ code: "invalid:language" });
  });
});
