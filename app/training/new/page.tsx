import Link from "next/link";
import { TrainFormView } from "@/components/training/train-form";
import { env } from "@/lib/env";
import { listExportedDatasets } from "@/lib/export/recent-exports";

export const dynamic = "force-dynamic";

export default async function NewTrainingPage() {
  const exported = await listExportedDatasets(env().dataDir);
  return (
    <>
      <p><Link href="/training">← Training</Link></p>
      <h1>New training job</h1>
      <p className="muted">
        SFT on instruction data (chat <code>messages</code> JSONL), or DPO on preference pairs (<code>prompt</code> / <code>chosen</code> /{" "}
        <code>rejected</code>) from an SFT checkpoint. The exact command is shown before launch. <code>tiny-test</code> is a small CPU model for trying the pipeline.
      </p>
      <TrainFormView exported={exported.map(({ path, kind, exportId }) => ({ path, kind, exportId }))} />
    </>
  );
}
