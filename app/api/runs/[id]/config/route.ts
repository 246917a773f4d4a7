import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { exportRunConfig } from "@/lib/pipeline/run/run-queries";

export const dynamic = "force-dynamic";

/** The run's config file (?format=yaml, the default, or json), API keys left out: import it again with POST /api/runs. */
export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const format = req.nextUrl.searchParams.get("format") === "json" ? "json" : "yaml";
  const text = await exportRunConfig(db(), id, format);
  return new Response(text, {
    headers: {
      "content-type": format === "yaml" ? "application/yaml; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="run-${id}.${format === "yaml" ? "yaml" : "json"}"`,
    },
  });
});
