import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { runSampleAgain } from "@/lib/samples/run-again";

export const dynamic = "force-dynamic";

const body = z.object({ solution: z.string().max(200_000), tests: z.string().max(200_000).nullable().optional() });

/** POST: runs the (edited) solution with its tests in the sandbox. */
export const POST = route(async (req, { params }: { params: Promise<{ id: string }> }) => ({ execution: await runSampleAgain(db(), (await params).id, await readJson(req, body)) }));
