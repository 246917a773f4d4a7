import Link from "next/link";
import { db } from "@/lib/db/client";
import { getOverviewCounts } from "@/lib/overview";
import { StartDemoJob } from "@/components/jobs/start-demo-job";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const c = await getOverviewCounts(db());
  const cards: [string, number, string][] = [
    ["Corpora", c.corpora, "/corpora"],
    ["Runs", c.runs, "/runs"],
    ["Samples", c.samples, "/samples"],
    ["Active jobs", c.jobsActive, "/jobs"],
    ["Training jobs", c.trainingJobs, "/training"],
    ["Evaluations", c.evaluations, "/evaluations"],
  ];
  return (
    <>
      <h1>Overview</h1>
      <div className="cards">
        {cards.map(([label, n, href]) => (
          <Link key={label} href={href} className="card" style={{ color: "inherit" }}>
            <div className="n">{n}</div>
            <div className="l">{label}</div>
          </Link>
        ))}
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>The loop</h2>
        <p className="muted">
          Corpora → seed data (Ds1, Ds2) → cross-lingual agent discussion (Ds3) → verification in the sandbox → DPO pairs (Ds4) →
          SFT + DPO training → HumanEval / MBPP / MultiPL-E evaluation.
        </p>
        <p className="muted">Check that the worker and live events run on this machine:</p>
        <StartDemoJob />
      </div>
    </>
  );
}
