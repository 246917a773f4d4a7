import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { listSamples } from "@/lib/samples/list-samples";
import { sampleFacets } from "@/lib/samples/facets";
import { checkFilterParams, filterQueryString } from "@/lib/samples/sample-filter";
import type { SamplePage } from "@/lib/samples/types";
import { SamplesWorkspace } from "@/components/samples/samples-workspace";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const NONE: SamplePage = { items: [], nextCursor: null, total: 0 };

export default async function SamplesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  // the controls show the address bar's values as they are; one that does not read lists nothing
  // (the workspace marks its field) rather than falling back to every sample
  const values = Object.fromEntries(Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" && v ? [[k, v]] : Array.isArray(v) && v[0] ? [[k, v[0]]] : [])));
  const check = checkFilterParams(sp);
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
  let problem: string | null = null;
  const initial = check.ok
    ? await listSamples(db(), check.filter, { sort, limit: 100, withTotal: true }).catch((e) => {
        if (!isAppError(e)) throw e;
        problem = e.message;
        return NONE;
      })
    : NONE;
  return (
    <>
      <h1>Samples</h1>
      {problem ? <p className="error" role="alert">{problem}</p> : null}
      <SamplesWorkspace key={filterQueryString(values)} initial={initial} values={values} runs={facets.runs} languages={facets.languages} />
    </>
  );
}
