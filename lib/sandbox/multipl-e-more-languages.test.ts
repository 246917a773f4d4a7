import { afterAll, describe, expect, it } from "vitest";
import { assembleMultiplE } from "@/lib/sandbox/assemble-multipl-e";
import { SandboxPool } from "@/lib/sandbox/pool";
import { moreLanguagesSelfTest, SELF_TESTED_MORE_LANGUAGES } from "@/lib/sandbox/testing/more-languages-self-test";

const pool = new SandboxPool({ size: 2 });
afterAll(() => pool.close());

// Debian 12's toolchains (npm run setup installs them). Scala compiles in about 8 s, Rust and Go in 2-5 s.
describe("MultiPL-E self-test for the nine more languages, real toolchains", () => {
  it.each(SELF_TESTED_MORE_LANGUAGES)("%s: the correct completion passes, a broken one is a syntax error, a wrong one fails its tests", async (language) => {
    const selfTest = moreLanguagesSelfTest(language);
    const [good, broken, wrong] = await pool.runMany(selfTest.completions.map((completion) => ({ language, program: assembleMultiplE({ ...selfTest, completion }) })));
    expect(good.status, `${good.stdout}\n${good.stderr}\n${good.compileOutput ?? ""}`).toBe("ok");
    expect(good.exitCode).toBe(0);
    expect(broken.status, `${broken.stderr}\n${broken.compileOutput ?? ""}`).toBe("syntax_error");
    expect(wrong.status, `${wrong.stdout}\n${wrong.stderr}`).toBe("exception");
    // rackunit reports a failed check on stderr and racket still exits 0: stderr decides.
    if (language === "rkt") expect([wrong.exitCode, wrong.stderr]).toEqual([0, expect.stringMatching(/FAILURE/)]);
  }, 180_000);

  it("Go: a failing test prints FAIL and is a failure; the compiler's text comes with a build error", async () => {
    const selfTest = moreLanguagesSelfTest("go");
    const [wrong, broken] = await pool.runMany([2, 1].map((i) => ({ language: "go" as const, program: assembleMultiplE({ ...selfTest, completion: selfTest.completions[i] }) })));
    expect(wrong.stdout).toMatch(/--- FAIL: TestAdd/);
    expect(broken.compileOutput).toMatch(/main_test\.go:\d+:\d+: /);
  }, 120_000);

  it("Perl: output containing ERROR is a failure even with exit 0", async () => {
    const result = await pool.run({ language: "pl", program: 'print "ERROR: not what we wanted\\n";\n' });
    expect(result.exitCode).toBe(0);
    expect(result.status).toBe("exception");
  }, 60_000);

  it("Julia and Swift (no Debian 12 toolchain) are unavailable, naming what to install", async () => {
    await expect(pool.assertAvailable("jl")).rejects.toMatchObject({ code: "unavailable:language", message: expect.stringMatching(/julialang\.org/) });
    await expect(pool.assertAvailable("swift")).rejects.toMatchObject({ code: "unavailable:language", message: expect.stringMatching(/swift\.org/) });
    const result = await pool.run({ language: "jl", program: "println(1)\n" });
    expect(result.status).toBe("unavailable");
  });
});
