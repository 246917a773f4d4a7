import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { startFlavouredServer } from "@/lib/llm/testing/flavoured-server";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";

let t: TestDb;
let tmp: string;
useTestDbWithDir("xi-cli-endpoints-", (f) => { t = f.t; tmp = f.dir; });

async function cli(...args: string[]): Promise<{ code: number | null; out: string }> {
  const p = spawnCli(args, { DATABASE_URL: t.url, DATA_DIR: tmp });
  const code = await waitForExit(p, 60_000);
  return { code, out: p.output() };
}

it("endpoints add tests the connection; test exits 1 with the reason once the server is gone; list and remove", async () => {
  const server = await startFlavouredServer({ flavour: "vllm", models: ["Qwen/Qwen2.5-Coder-7B-Instruct"], contextLength: 32768, apiKey: "sk-cli-secret-99" });
  const keyFile = path.join(tmp, "key");
  writeFileSync(keyFile, "sk-cli-secret-99\n");
  const added = await cli("endpoints", "add", "gpu box", "--provider", "openai-compatible", "--base-url", server.url, "--model", "Qwen/Qwen2.5-Coder-7B-Instruct", "--api-key-file", keyFile);
  expect(added.code, added.out).toBe(0);
  expect(added.out).toContain('saved endpoint "gpu box"');
  expect(added.out).toMatch(/gpu box: ok \(vllm\)/);
  expect(added.out).toContain("served models: Qwen/Qwen2.5-Coder-7B-Instruct");
  expect(added.out).toContain("structured output: json_schema");
  expect(added.out).toContain("context length: 32768 tokens (vLLM max_model_len (/v1/models))");
  expect(added.out).not.toContain("sk-cli-secret-99");

  const wrongModel = await cli("endpoints", "add", "typo", "--provider", "openai-compatible", "--base-url", server.url, "--model", "Qwen/Qwen2.5-Coder-7B", "--api-key-file", keyFile);
  expect(wrongModel.code).toBe(1);
  expect(wrongModel.out).toContain('The server does not serve the model "Qwen/Qwen2.5-Coder-7B". It serves: Qwen/Qwen2.5-Coder-7B-Instruct.');

  await server.close();
  const dead = await cli("endpoints", "test", "gpu box");
  expect(dead.code).toBe(1);
  expect(dead.out).toMatch(/gpu box: FAILED[\s\S]*error: Connection refused by 127\.0\.0\.1:\d+: nothing is listening there/);

  const listed = await cli("endpoints", "list");
  expect(listed.code).toBe(0);
  expect(listed.out).toMatch(/^gpu box\topenai-compatible\tQwen\/Qwen2\.5-Coder-7B-Instruct\thttp:\/\/127\.0\.0\.1:\d+\/v1\tstructured output auto\tkey sk-…t-99\tfailed: Connection refused/m);

  expect((await cli("endpoints", "remove", "gpu box")).code).toBe(0);
  expect(await t.db.modelEndpoint.count({ where: { name: "gpu box" } })).toBe(0);
}, 120_000);
