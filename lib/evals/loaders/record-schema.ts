import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Validates one record; the error names the file, the line (or index) and the bad fields. */
export function validateRecord<T>(schema: z.ZodType<T>, value: unknown, source: string, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`).join("; ");
  throw new AppError("invalid:benchmark", `${source}, ${where}: ${fields}.`, { detail: parsed.error.issues });
}
