import { NextResponse, type NextRequest } from "next/server";
import { isAuthorized } from "@/lib/auth/session";
import { allowedHostnames } from "@/lib/http/allowed-hosts";
import { guardInput } from "@/lib/http/route";
import { checkRequest } from "@/lib/http/request-guard";

/** Every page and API route requires a session when auth is on (non-loopback HOST or a password set). */
const PUBLIC = [/^\/login$/, /^\/api\/auth\/login$/, /^\/api\/health$/, /^\/api\/training\/[^/]+\/metrics$/];

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  // A foreign Host (DNS rebinding) or a cross-site POST is refused before anything else.
  const refused = checkRequest(guardInput(req), allowedHostnames());
  if (refused) {
    return pathname.startsWith("/api/")
      ? NextResponse.json(refused.toJSON(), { status: refused.status })
      : new NextResponse(refused.message, { status: refused.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (PUBLIC.some((re) => re.test(pathname)) || (await isAuthorized(req))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthorized:session", message: "Sign in to use the API." } }, { status: 401 });
  }
  const url = req.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

// Corpus and evaluation uploads bypass the proxy: Next buffers a proxied request body in memory
// and cuts it at 10 MB. Their routes check Host, Origin and the session themselves (lib/http/route.ts).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/corpora/upload|api/evaluations/import).*)"],
};
