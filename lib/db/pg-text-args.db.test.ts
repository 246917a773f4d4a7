import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { dialectOfDb } from "@/lib/db/client";
import { NUL_STAND_IN, jsonbText } from "@/lib/db/pg-text-args";
import { appendEvent, appendEvents, listEvents } from "@/lib/events/store";
import { bulkInsert, dialectOf, TABLES } from "@/lib/pipeline/run/bulk-insert";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

// What a model or a program may hand us: a NUL character, and a Java literal that must stay as written.
const withNul = "out\0put";
const javaLiteral = "char c = '\\u0000'; // \\\\u0000 too";

it("text and JSON holding NUL are stored on either database: PostgreSQL keeps ␀ in its place, SQLite the NUL itself; a literal backslash-u0000 is kept as written", async () => {
  const nul = dialectOfDb(t.db) === "postgresql" ? NUL_STAND_IN : "\0";
  // Prisma's own writes (text and a JSON column)
  const e = await t.db.execution.create({ data: { language: "py", programHash: "h1", status: "ok", exitCode: 0, stdout: withNul, stderr: javaLiteral, durationMs: 1 } });
  expect(await t.db.execution.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ stdout: `out${nul}put`, stderr: javaLiteral });
  await appendEvents(t.db, [{ topic: "t1", type: "x", data: { text: withNul, code: javaLiteral } }]);
  // hand-written SQL with a $n::jsonb parameter
  await appendEvent(t.db, "t1", "y", { text: withNul, code: javaLiteral });
  const events = await listEvents(t.db, "t1", 0);
  expect(events.map((ev) => ev.data)).toEqual([{ text: `out${nul}put`, code: javaLiteral }, { text: `out${nul}put`, code: javaLiteral }]);
  // the run's bulk inserts (text and json columns)
  await t.db.$transaction((tx) => bulkInsert(tx, dialectOf(t.db), TABLES.event, [{ topic: withNul, type: "z", data: { text: withNul, code: javaLiteral } }]));
  const bulk = await t.db.event.findFirstOrThrow({ where: { type: "z" } });
  expect([bulk.topic, bulk.data]).toEqual([`out${nul}put`, { text: `out${nul}put`, code: javaLiteral }]);
});

it("jsonbText replaces only escaped NULs, not an escaped backslash before u0000", () => {
  expect(jsonbText(JSON.stringify({ a: "x\0y" }))).toBe(`{"a":"x${NUL_STAND_IN}y"}`);
  expect(jsonbText(JSON.stringify({ a: "\\u0000" }))).toBe(JSON.stringify({ a: "\\u0000" }));
  expect(jsonbText(JSON.stringify({ a: "\\\0" }))).toBe(`{"a":"\\\\${NUL_STAND_IN}"}`);
});
