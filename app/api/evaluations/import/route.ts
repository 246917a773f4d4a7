import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { importEvaluation } from "@/lib/evals/app/import-evaluation";
import { importFilesFromForm } from "@/lib/evals/import/read-import-files";

export const dynamic = "force-dynamic";

/** multipart/form-data: format, model, name?, benchmark?, dataSource?, and files (or path, a file or folder on the server). */
export const POST = route(async (req) => {
  const { fields, files } = await importFilesFromForm(req);
  const evaluation = await importEvaluation(db(), fields, files);
  return Response.json({ evaluation: { id: evaluation.id, status: evaluation.status, jobId: evaluation.jobId } }, { status: 201 });
});
