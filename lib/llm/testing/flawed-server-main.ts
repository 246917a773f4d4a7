/**
 * TEST-ONLY: runs the flawed OpenAI-compatible server as its own process, as a real model server
 * is: `node --import tsx lib/llm/testing/flawed-server-main.ts '<config JSON>' [port]`. Prints one
 * line `{"url": ...}` when listening; stops on SIGTERM or when stdin closes (its parent died).
 */
import { flawedServerConfigSchema } from "./flawed-server-config";
import { startFlawedServer } from "./flawed-openai-server";

const parsed = flawedServerConfigSchema.safeParse(JSON.parse(process.argv[2] ?? "{}"));
if (!parsed.success) {
  process.stderr.write(`invalid server config: ${parsed.error.message}\n`);
  process.exit(2);
}
const server = await startFlawedServer(parsed.data, Number(process.argv[3] ?? 0));
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
