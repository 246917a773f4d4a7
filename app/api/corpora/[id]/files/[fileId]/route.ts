import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { relabelFile } from "@/lib/corpora/relabel-file";

export const dynamic = "force-dynamic";

const body = z.object({ language: z.string().min(1).max(20) });

/** Re-labels a file and its snippets with another language. */
export const PATCH = route(async (req, { params }: { params: Promise<{ id: string; fileId: string }> }) => {
  const { id, fileId } = await params;
  const { language } = await readJson(req, body);
  return relabelFile(db(), id, fileId, language);
});
