import { afterAll, describe, expect, it } from "vitest";
import { assembleMultiplE } from "@/lib/sandbox/assemble-multipl-e";
import { SandboxPool } from "@/lib/sandbox/pool";
import { multiplESelfTest } from "@/lib/sandbox/testing/benchmarks";
import { PAPER_LANGUAGES } from "@/lib/domain/language-names";

const pool = new SandboxPool({ size: 2 });
afterAll(() => pool.close());

describe("MultiPL-E evaluator self-test, all 8 languages, real toolchains", () => {
  it.each(PAPER_LANGUAGES)("%s: completion 0 passes and completion 1 fails", async (language) => {
    const selfTest = multiplESelfTest(language);
    const [good, bad] = await pool.runMany(selfTest.completions.map((completion) => ({ language, program: assembleMultiplE({ ...selfTest, completion }) })));
    expect(good.status, `${good.stderr}\n${good.compileOutput ?? ""}`).toBe("ok");
    expect(good.exitCode).toBe(0);
    expect(bad.status).not.toBe("ok");
    expect(["syntax_error", "exception"]).toContain(bad.status);
  }, 180_000);

  it("a compile error comes with the compiler's text (C++)", async () => {
    const selfTest = multiplESelfTest("cpp");
    const result = await pool.run({ language: "cpp", program: assembleMultiplE({ ...selfTest, completion: selfTest.completions[1] }) });
    expect(result.status).toBe("syntax_error");
    expect(result.compileOutput).toMatch(/main\.cpp:\d+:\d+: error: expected primary-expression/);
  }, 120_000);

  it("a failed Debug.Assert fails although mono exits 0 (C#)", async () => {
    const selfTest = multiplESelfTest("cs");
    const result = await pool.run({ language: "cs", program: assembleMultiplE({ ...selfTest, completion: "        return x - y;\n" }) });
    expect(result.status).toBe("exception");
    expect(result.stderr).toMatch(/DefaultTraceListener\.Fail|Assert/);
  }, 120_000);

  it("a TypeScript type error is a failure even though the JavaScript would run", async () => {
    const selfTest = multiplESelfTest("ts");
    const result = await pool.run({ language: "ts", program: assembleMultiplE({ ...selfTest, completion: '    return (x + y) as unknown as string;\n}\n' }) });
    expect(result.status).toBe("syntax_error");
    expect(result.compileOutput).toMatch(/main\.ts\(\d+,\d+\): error TS2322/);
  }, 120_000);

  it("a Java program may name its public class anything", async () => {
    const program = "public class Solution {\n  public static void main(String[] a) {\n    org.javatuples.Pair<Integer, String> p = org.javatuples.Pair.with(1, \"x\");\n    System.out.println(p.getValue0() + p.getValue1());\n  }\n}\n";
    const result = await pool.run({ language: "java", program });
    expect(result.status, result.stderr + (result.compileOutput ?? "")).toBe("ok");
    expect(result.stdout).toBe("1x\n");
  }, 120_000);
});
