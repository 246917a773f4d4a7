import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { JS_SOLUTIONS } from "@/lib/evals/testing/js-solutions";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import register from "./eval";

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  vi.restoreAllMocks();
});

describe("xinstruct eval", () => {
  it("evaluates js from a data dir, prints the summary table, stores and resumes results", async () => {
    const prompts = new Map<string, string>();
    for (const line of readFileSync("../shared/benchmarks/multipl-e/humaneval-js.jsonl", "utf8").split("\n").filter(Boolean)) {
      const r = JSON.parse(line);
      prompts.set(r.prompt, JS_SOLUTIONS[r.name] ?? "  return 0;\n}\n");
    }
    server = await startScriptedOpenAIServer((req) => [prompts.get(req.text)!]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "eval-cli-"));
    writeFileSync(path.join(dir, "key"), "sk-cli-key\n");
    const results = path.join(dir, "results.jsonl");
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: string) => void out.push(s));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const run = async () => {
      const program = new Command().exitOverride();
      register(program, { execute: createLocalTestExecutor() });
      await program.parseAsync(["node", "x", "eval", "--endpoint", server!.url, "--model", "m", "--langs", "js", "--data-dir", "../shared/benchmarks/multipl-e", "--api-key-file", path.join(dir, "key"), "--results", results]);
    };
    await run();
    // The scripted model knows 10 of the 161 js problems: 6.2 %.
    const table = out.join("\n");
    expect(table).toMatch(/multipl-e\s+js\s+161\s+161\s+10\s+6\.2/);
    expect(server.requests[0].headers.authorization).toBe("Bearer sk-cli-key");
    expect(readFileSync(results, "utf8").trim().split("\n")).toHaveLength(161);
    const asked = server.requests.length;
    await run();
    expect(server.requests.length).toBe(asked);
    expect(out.join("\n").match(/ 6\.2/g)).toHaveLength(2);
  }, 300_000);

  it("a language without its toolchain fails before any request, naming what to install", async () => {
    const program = new Command().exitOverride();
    register(program);
    // Julia has MultiPL-E data but no Debian 12 package; the endpoint is never asked (port 1 would refuse).
    await expect(program.parseAsync(["node", "x", "eval", "--endpoint", "http://127.0.0.1:1", "--model", "m", "--langs", "py,jl", "--data-dir", "../shared/benchmarks/multipl-e"]))
      .rejects.toMatchObject({ code: "unavailable:language", message: expect.stringContaining("julialang.org") });
  });

  it("rejects an unknown language", async () => {
    const program = new Command().exitOverride();
    register(program, { execute: createLocalTestExecutor() });
    await expect(program.parseAsync(["node", "x", "eval", "--endpoint", "http://127.0.0.1:1", "--model", "m", "--langs", "cobol"])).rejects.toMatchObject({ code: "invalid:language" });
  });

  it("a dead endpoint stops it before any problem is loaded, with the reason", async () => {
    const program = new Command().exitOverride();
    register(program, { execute: createLocalTestExecutor() });
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    await new Promise<void>((r) => s.close(() => r()));
    await expect(program.parseAsync(["node", "x", "eval", "--endpoint", url, "--model", "m", "--langs", "py", "--data-dir", "/nonexistent"]))
      .rejects.toMatchObject({ code: "unavailable:endpoint", message: expect.stringContaining(`The evaluation was not started: endpoint ${url}: Connection refused by ${url.slice(7)}`) });
  });
});
