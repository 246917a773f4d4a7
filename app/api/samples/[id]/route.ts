import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getSample } from "@/lib/samples/get-sample";
import { editSample } from "@/lib/samples/edit-sample";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req, { params }: Ctx) => getSample(db(), (await params).id));

const edit = z.object({ instruction: z.string().max(200_000), solution: z.string().max(200_000), tests: z.string().max(200_000).nullable().optional() });

/** PATCH: a hand edit, kept as a revision. */
export const PATCH = route(async (req, { params }: Ctx) => {
  const { id } = await params;
  await editSample(db(), id, await readJson(req, edit));
  return getSample(db(), id);
});
