import type { GbnfJsonSchema } from "node-llama-cpp";
import { AppError } from "@/lib/errors";

/**
 * The JSON Schema of a call's `responseFormat` (the AI SDK's rendering of the zod schema the
 * step asks for) in the subset node-llama-cpp turns into a GBNF grammar. The grammar shapes
 * the answer: keys, types, enums and consts, string and array lengths, required properties.
 * Numeric bounds, patterns and the like are not expressible here; zod still checks them
 * after the answer, and a violation is fed back like any malformed answer.
 */

/** The JSON Schema (draft 7) fields read here; @types/json-schema is not installed. */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchemaDefinition[];
  oneOf?: JsonSchemaDefinition[];
  allOf?: JsonSchemaDefinition[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchemaDefinition>;
  required?: string[];
  additionalProperties?: JsonSchemaDefinition;
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchemaDefinition | JsonSchemaDefinition[];
  prefixItems?: JsonSchemaDefinition[];
  additionalItems?: JsonSchemaDefinition;
  minItems?: number;
  maxItems?: number;
  definitions?: Record<string, JsonSchemaDefinition>;
  $defs?: Record<string, JsonSchemaDefinition>;
}
export type JsonSchemaDefinition = JsonSchema | boolean;

type Out = GbnfJsonSchema;
type Mutable = Record<string, unknown>;

const BASIC = new Set(["string", "number", "integer", "boolean", "null"]);
const FORMATS = new Set(["date-time", "time", "date"]);
const ANY: Out = { oneOf: [{ type: ["string", "number", "boolean", "null"] }, { type: "object", additionalProperties: true }, { type: "array" }] } as Out;

function refName(ref: string): string {
  const m = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref);
  if (!m) throw new AppError("invalid:json-schema", `The local model's grammar cannot follow the reference "${ref}" (only #/$defs/NAME and #/definitions/NAME).`);
  return m[1];
}

function convert(s: JsonSchemaDefinition): Out {
  if (s === true) return ANY;
  if (s === false) throw new AppError("invalid:json-schema", "The schema allows no value at all.");
  if (s.$ref) return { $ref: `#/$defs/${refName(s.$ref)}` } as Out;
  if (s.const !== undefined) return { const: s.const } as Out;
  if (s.enum) return { enum: s.enum } as Out;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return { oneOf: alternatives.map(convert) } as Out;
  if (s.allOf) {
    if (s.allOf.length === 1) return convert(s.allOf[0]);
    throw new AppError("invalid:json-schema", "The local model's grammar cannot combine schemas with allOf.");
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (types.length > 1) {
    if (types.every((t) => BASIC.has(t) && t !== "string")) return { type: types } as Out;
    return { oneOf: types.map((type) => convert({ ...s, type })) } as Out;
  }
  const type = types[0];
  switch (type) {
    case "string": {
      const out: Mutable = { type: "string" };
      if (s.format && FORMATS.has(s.format)) out.format = s.format;
      else {
        if (s.minLength !== undefined) out.minLength = s.minLength;
        if (s.maxLength !== undefined) out.maxLength = s.maxLength;
      }
      return out as Out;
    }
    case "number":
    case "integer":
    case "boolean":
    case "null":
      return { type } as Out;
    case "object": {
      const out: Mutable = { type: "object" };
      if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, convert(v)]));
      if (s.required) out.required = s.required;
      const extra = s.additionalProperties;
      // JSON Schema allows extra keys unless told otherwise; a model needs no invitation
      out.additionalProperties = extra === undefined ? !s.properties : typeof extra === "boolean" ? extra : convert(extra);
      if (s.minProperties !== undefined) out.minProperties = s.minProperties;
      if (s.maxProperties !== undefined) out.maxProperties = s.maxProperties;
      return out as Out;
    }
    case "array": {
      const out: Mutable = { type: "array" };
      const tuple = s.prefixItems ?? (Array.isArray(s.items) ? s.items : undefined);
      if (tuple) {
        out.prefixItems = tuple.map(convert);
        if (!Array.isArray(s.items) && s.items !== undefined && s.items !== false) out.items = convert(s.items);
        else if (s.additionalItems !== undefined && s.additionalItems !== false) out.items = convert(s.additionalItems);
        else out.maxItems = tuple.length;
      } else if (s.items !== undefined && !Array.isArray(s.items)) out.items = convert(s.items);
      if (s.minItems !== undefined) out.minItems = s.minItems;
      if (s.maxItems !== undefined) out.maxItems = s.maxItems;
      return out as Out;
    }
    default:
      if (s.properties) return convert({ ...s, type: "object" });
      return ANY;
  }
}

export function grammarSchema(schema: JsonSchema): GbnfJsonSchema {
  const defs = { ...(schema.definitions ?? {}), ...(schema.$defs ?? {}) };
  const root = convert(schema) as Mutable;
  if (Object.keys(defs).length) root.$defs = Object.fromEntries(Object.entries(defs).map(([k, v]) => [k, convert(v)]));
  return root as GbnfJsonSchema;
}
