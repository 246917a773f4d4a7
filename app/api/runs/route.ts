import { z } from "zod";
import type { NextRequest } from "next/server";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createRun } from "@/lib/pipeline/run/create-run";
import { getRun, listRuns } from "@/lib/pipeline/run/run-queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = req.nextUrl.searchParams;
  return { runs: await listRuns(db(), { status: q.get("status") ?? undefined, limit: Number(q.get("limit") ?? 50) || 50 }) };
});

const body = z
  .object({
    name: z.string().max(200).optional(),
    corpusId: z.string().min(1).optional(),
    /** the run config as JSON, or `yaml` with the text of a config file */
    config: z.record(z.string(), z.unknown()).optional(),
    yaml: z.string().optional(),
    snippets: z.array(z.object({ content: z.string().min(1), language: z.string().min(1), path: z.string().optional() })).min(1).optional(),
  })
  .refine((b) => !(b.config && b.yaml !== undefined), "give config or yaml, not both");

/** A YAML config file posted as is (content-type application/yaml or text/yaml). */
async function readYaml(req: NextRequest): Promise<string> {
  const limit = env().MAX_BODY_BYTES;
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw new AppError("too_large:body", `Request body is larger than ${limit} bytes.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > limit) throw new AppError("too_large:body", `Request body is larger than ${limit} bytes.`);
  return text;
}

export const POST = route(async (req) => {
  const type = req.headers.get("content-type") ?? "";
  const input = /yaml/.test(type)
    ? { yaml: await readYaml(req), name: req.nextUrl.searchParams.get("name") ?? undefined, corpusId: req.nextUrl.searchParams.get("corpusId") ?? undefined }
    : await readJson(req, body);
  const { run } = await createRun(db(), input);
  return Response.json(await getRun(db(), run.id), { status: 201 });
});
