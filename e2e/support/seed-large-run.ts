// Seeds a finished 520-agent, 300-discussion run into the e2e app's database (DATA_DIR) through
// lib/, and prints its id: `node --conditions=react-server --import tsx e2e/support/seed-large-run.ts NAME`.
import { db } from "@/lib/db/client";
import { seedLargeRun } from "@/lib/testing/seed-large-run";

const name = process.argv[2] ?? `large-run-${Date.now()}`;
const id = await seedLargeRun(db(), { name, agents: 520, discussions: 300 });
await db().$disconnect();
process.stdout.write(`${id}\n`);
