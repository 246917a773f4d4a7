import Link from "next/link";
import { ImportEvaluationForm } from "@/components/evals/import-evaluation-form";

export const dynamic = "force-dynamic";

export default function ImportEvaluationPage() {
  return (
    <>
      <p><Link href="/evaluations">← Evaluations</Link></p>
      <h1>Import results</h1>
      <p className="muted">
        Bring runs of <a href="https://github.com/nuprl/MultiPL-E">MultiPL-E</a> or{" "}
        <a href="https://github.com/bigcode-project/bigcode-evaluation-harness">bigcode-evaluation-harness</a> in as evaluations, to compare them with
        yours per language. The same from a shell: <code>xinstruct eval import PATH --format multipl-e --model NAME</code>.
      </p>
      <ImportEvaluationForm />
    </>
  );
}
