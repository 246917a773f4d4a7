import Link from "next/link";
import { db } from "@/lib/db/client";
import { sampleCharts } from "@/lib/samples/chart-data";
import { filterFromSearchParams, filterToSearchParams } from "@/lib/samples/sample-filter";
import { SampleCharts } from "@/components/charts/sample-charts";
import { EmptyState } from "@/components/ui/empty-state";
import "@/components/samples/samples.css";

export const dynamic = "force-dynamic";

export default async function SampleChartsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  let filter;
  try {
    filter = filterFromSearchParams(sp);
  } catch (e) {
    return <><h1>Sample charts</h1><p className="error" role="alert">{e instanceof Error ? e.message : String(e)}</p></>;
  }
  const data = await sampleCharts(db(), filter);
  const described = [...filterToSearchParams(filter)].map(([k, v]) => `${k} ${v}`).join(", ");
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Sample charts</h1>
        <Link href={`/samples?${filterToSearchParams(filter)}`}>← Samples</Link>
      </div>
      <p className="muted" data-testid="charts-total">{data.total.toLocaleString("en")} samples · {data.pairs.toLocaleString("en")} DPO pairs (Ds4){described ? ` (${described})` : ""}</p>
      {data.total === 0 && data.pairs === 0 ? <EmptyState title="No samples match">Charts appear once there are samples.</EmptyState> : <SampleCharts data={data} />}
    </>
  );
}
