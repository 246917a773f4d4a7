import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { filterFromSearchParams } from "@/lib/samples/sample-filter";
import { sampleCharts } from "@/lib/samples/chart-data";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => sampleCharts(db(), filterFromSearchParams(req.nextUrl.searchParams)));
