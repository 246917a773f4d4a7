import { zodSchema } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { scoreOutput, solutionOutput } from "@/lib/domain/output-schemas";
import { DEFAULT_ASPECTS } from "@/lib/domain/scoring-rubric";
import { grammarSchema, type JsonSchema } from "./grammar-schema";

const fromZod = async (s: z.ZodType) => (await zodSchema(s).jsonSchema) as JsonSchema;

describe("grammarSchema", () => {
  it("keeps the keys, types, required fields and string lengths of a step's zod schema", async () => {
    expect(grammarSchema(await fromZod(solutionOutput))).toEqual({
      type: "object",
      properties: { solution: { type: "string", minLength: 1 }, tests: { type: "string", minLength: 1 } },
      required: ["solution", "tests"],
      additionalProperties: false,
    });
  });

  it("turns enums into enum grammars and drops the bounds a grammar cannot express", async () => {
    const g = grammarSchema(await fromZod(scoreOutput({ aspects: DEFAULT_ASPECTS, scale: 5, threshold: 3 }))) as unknown as { properties: { aspects: { items: { properties: Record<string, unknown> } } } };
    const item = g.properties.aspects.items.properties;
    expect(item.name).toEqual({ enum: DEFAULT_ASPECTS.map((a) => a.name) });
    expect(item.score).toEqual({ type: "integer" });
  });

  it("maps nullable, unions, literals, records and tuples", async () => {
    const g = grammarSchema(await fromZod(z.object({ a: z.string().nullable(), c: z.union([z.string(), z.number()]), d: z.literal("x"), e: z.record(z.string(), z.number()), f: z.tuple([z.string(), z.number()]), o: z.number().optional() })));
    expect(g).toMatchObject({
      properties: {
        a: { oneOf: [{ type: "string" }, { type: "null" }] },
        c: { oneOf: [{ type: "string" }, { type: "number" }] },
        d: { const: "x" },
        e: { type: "object", additionalProperties: { type: "number" } },
        f: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], maxItems: 2 },
        o: { type: "number" },
      },
      required: ["a", "c", "d", "e", "f"],
    });
  });

  it("rewrites definitions references to $defs", () => {
    const g = grammarSchema({ type: "object", properties: { n: { $ref: "#/definitions/Node" } }, required: ["n"], definitions: { Node: { type: "object", properties: { v: { type: "string", maxLength: 3 } } } } });
    expect(g).toMatchObject({ properties: { n: { $ref: "#/$defs/Node" } }, $defs: { Node: { type: "object", properties: { v: { type: "string", maxLength: 3 } }, additionalProperties: false } } });
  });

  it("refuses what it cannot express instead of dropping it silently", () => {
    expect(() => grammarSchema({ allOf: [{ type: "string" }, { minLength: 2 }] })).toThrow(/allOf/);
    expect(() => grammarSchema({ $ref: "https://example.com/s.json" })).toThrow(/reference/);
  });
});
