import Link from "next/link";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { listSamples } from "@/lib/samples/list-samples";
import { sampleFacets } from "@/lib/samples/facets";
import { filterFromSearchParams, filterToSearchParams, type SampleFilter } from "@/lib/samples/sample-filter";
import { SamplesWorkspace } from "@/components/samples/samples-workspace";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function SamplesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  let filter: SampleFilter;
  let problem: string | null = null;
  try {
    filter = filterFromSearchParams(sp);
  } catch (e) {
    filter = {};
    problem = e instanceof Error ? e.message : String(e);
  }
  const sort = sp.sort === "score" ? "score" : "new";
  const facets = await sampleFacets(db());
  if (facets.runs.length === 0) {
    return (
      <>
        <h1>Samples</h1>
        <EmptyState title="No samples yet">
          Generated instruction samples of every run appear here for curation and export. Import existing data with <code>npx xinstruct samples import FILE.jsonl --run NAME</code>.
        </EmptyState>
      </>
    );
  }
  const initial = await listSamples(db(), filter, { sort, limit: 100, withTotal: true }).catch((e) => {
    if (!isAppError(e)) throw e;
    problem = e.message;
    return { items: [], nextCursor: null, total: 0 };
  });
  const qs = filterToSearchParams(filter);
  if (sort !== "new") qs.set("sort", sort);
  const values = Object.fromEntries(qs);
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Samples</h1>
        <Link href={`/samples/charts?${filterToSearchParams(filter)}`}>Charts of this selection →</Link>
      </div>
      {problem ? <p className="error" role="alert">{problem}</p> : null}
      <SamplesWorkspace key={qs.toString()} initial={initial} values={values} query={qs.toString()} runs={facets.runs} languages={facets.languages} />
    </>
  );
}
