import { route } from "@/lib/http/route";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Whether this app asks for a sign-in (the sidebar shows "Sign out" then). Needs a session like any API when it does. */
export const GET = route(async () => ({ authRequired: env().authRequired }));
