import Link from "next/link";
import { db } from "@/lib/db/client";
import { getOverviewCounts } from "@/lib/overview";
import { StartDemoJob } from "@/components/jobs/start-demo-job";
import { fmtInt } from "@/components/ui/format";

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
  // The paper's loop, as steps: each is done once its records exist.
  const steps: [string, string, string, boolean][] = [
    ["Add a model endpoint", "vLLM, SGLang, Ollama, OpenAI or Anthropic; or the offline demo model", "/settings", c.endpoints > 0],
    ["Import a corpus", "code snippets: split, labelled, deduplicated, decontaminated", "/corpora", c.corpora > 0],
    ["Generate instruction data", "seed data (Ds1, Ds2), cross-lingual agent discussion (Ds3), sandbox verification, DPO pairs (Ds4)", "/runs/new", c.runs > 0],
    ["Curate the samples", "accept, reject or edit; export for training", "/samples", c.samples > 0],
    ["Fine-tune", "SFT then DPO, locally, over SSH or on Slurm", "/training/new", c.trainingJobs > 0],
    ["Evaluate", "HumanEval, MBPP and MultiPL-E pass@k", "/evaluations", c.evaluations > 0],
  ];
  return (
    <>
      <h1>Overview</h1>
      <div className="cards">
        {cards.map(([label, n, href]) => (
          <Link key={label} href={href} className="card" style={{ color: "inherit" }}>
            <div className="n">{fmtInt(n)}</div>
            <div className="l">{label}</div>
          </Link>
        ))}
      </div>
      <section className="panel" aria-labelledby="loop">
        <h2 id="loop" style={{ marginTop: 0 }}>The loop</h2>
        <ol data-testid="overview-steps" style={{ margin: 0, paddingLeft: 22, display: "grid", gap: 8 }}>
          {steps.map(([title, what, href, done]) => (
            <li key={title}>
              <Link href={href}>{title}</Link> <span className={done ? "badge succeeded" : "badge"}>{done ? "done" : "to do"}</span>
              <div className="muted" style={{ fontSize: 13 }}>{what}</div>
            </li>
          ))}
        </ol>
      </section>
      <section className="panel">
        <p className="muted" style={{ marginTop: 0 }}>Check that a worker is running and live events reach this browser:</p>
        <StartDemoJob />
      </section>
    </>
  );
}
