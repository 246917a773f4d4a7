import { route } from "@/lib/http/route";
import { env } from "@/lib/env";
import { readExportFile } from "@/lib/export/export-store";

export const dynamic = "force-dynamic";

const TYPES: Record<string, string> = { jsonl: "application/jsonl; charset=utf-8", json: "application/json; charset=utf-8", md: "text/markdown; charset=utf-8", parquet: "application/vnd.apache.parquet" };

export const GET = route(async (_req, { params }: { params: Promise<{ id: string; file: string[] }> }) => {
  const { id, file } = await params;
  const { body, name } = await readExportFile(env().dataDir, id, file.join("/"));
  return new Response(new Uint8Array(body), {
    headers: { "content-type": TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream", "content-disposition": `attachment; filename="${name}"` },
  });
});
