import Link from "next/link";
import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { listTrainingJobs } from "@/lib/training/jobs-service";
import { summarizeTrainingJobs } from "@/lib/training/job-context";
import { fmtTime } from "@/components/ui/format";

export const dynamic = "force-dynamic";

const base = (p: string) => p.split("/").filter(Boolean).at(-1) ?? p;

export default async function TrainingPage() {
  const jobs = await listTrainingJobs(db());
  const summaries = await summarizeTrainingJobs(db(), jobs);
  return (
    <>
      <div className="page-head">
        <h1>Training</h1>
        <Link href="/training/new" className="button">New training job</Link>
      </div>
      {jobs.length === 0 ? (
        <EmptyState title="No training jobs yet">
          SFT and DPO fine-tuning jobs (local GPU, SSH or Slurm) and their live curves appear here. <Link href="/training/new">Launch one</Link>, or run{" "}
          <code>npx xinstruct train --config train.yaml</code>.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table data-testid="training-jobs">
            <thead><tr><th>Name</th><th>Stage</th><th>Base model</th><th>Dataset</th><th>Status</th><th className="num">Step</th><th className="num">Last loss</th><th>Backend</th><th>Created</th></tr></thead>
            <tbody>
              {jobs.map((j) => {
                const s = summaries.get(j.id)!;
                return (
                  <tr key={j.id}>
                    <td><Link href={`/training/${j.id}`}>{j.name}</Link></td>
                    <td>{j.kind.toUpperCase()}{s.method === "lora" ? " · LoRA" : ""}</td>
                    <td><code title={s.baseModel}>{base(s.baseModel)}</code></td>
                    <td><code title={s.dataset}>{base(s.dataset)}</code></td>
                    <td><span className={`badge ${j.status}`}>{j.status}</span></td>
                    <td className="num">{s.lastStep === null ? "—" : s.maxSteps ? `${s.lastStep} / ${s.maxSteps}` : s.lastStep}</td>
                    <td className="num">{s.lastLoss === null ? "—" : s.lastLoss.toFixed(4)}</td>
                    <td>{j.backend}</td>
                    <td className="muted" style={{ whiteSpace: "nowrap" }}>{fmtTime(j.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
