import type { Command } from "commander";
import { env } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { openDb } from "@/lib/cli/open-db";
import { seedDemoData } from "@/lib/db/seed";

export default function register(program: Command): void {
  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Apply pending migrations to DATABASE_URL (default: SQLite under ./data)")
    .action(async () => {
      const { databaseUrl, dialect } = env();
      const result = await migrate(databaseUrl);
      const where = dialect === "sqlite" ? databaseUrl.slice(5) : "PostgreSQL";
      if (result.applied.length === 0) console.log(`database is up to date (${where}, ${result.alreadyApplied} migrations)`);
      for (const name of result.applied) console.log(`applied ${name} (${where})`);
    });
  db.command("seed")
    .description("Load the demo data (idempotent)")
    .action(async () => {
      const client = await openDb();
      const { created } = await seedDemoData(client);
      console.log(created.length ? created.map((c) => `created ${c}`).join("\n") : "demo data already present");
      await client.$disconnect();
    });
}
