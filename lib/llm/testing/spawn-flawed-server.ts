import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { FlawedServerStats } from "./flawed-openai-server";
import type { FlawedServerConfigInput } from "./flawed-server-config";

/** TEST-ONLY: starts the flawed server in its own process and waits until it listens. */

export interface SpawnedFlawedServer {
  /** the OpenAI base URL, e.g. http://127.0.0.1:41234/v1 */
  url: string;
  stats(): Promise<FlawedServerStats>;
  close(): Promise<void>;
}

const MAIN = path.join(import.meta.dirname, "flawed-server-main.ts");

export async function spawnFlawedServer(config: FlawedServerConfigInput = {}): Promise<SpawnedFlawedServer> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, JSON.stringify(config)], { stdio: ["pipe", "pipe", "inherit"], env: { PATH: process.env.PATH ?? "", NODE_ENV: "test" } });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the flawed server did not start within 30 s")), 30_000);
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the flawed server exited with code ${code} before listening`));
    });
  });
  return {
    url,
    stats: async () => (await (await fetch(url.replace(/\/v1$/, "/stats"))).json()) as FlawedServerStats,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
