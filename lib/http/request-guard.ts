import { AppError } from "@/lib/errors";

/**
 * Which requests the app answers at all, decided from headers only (pure; proxy.ts and
 * lib/http/route.ts apply it):
 *
 * - Host: only a name the app serves (loopback names, HOST, ALLOWED_HOSTS; with a wildcard
 *   HOST also this machine's names and addresses). A DNS-rebinding page reaches 127.0.0.1
 *   under its own name, so a foreign Host is refused even for GETs.
 * - State-changing methods from a browser: only from the app's own origin. Browsers send
 *   `Sec-Fetch-Site` (same-origin / none accepted) and `Origin` (must name the requested host);
 *   a request carrying neither comes from a non-browser client (the CLI, curl, the trainer's
 *   metrics reports), which no web page can drive, and is accepted; it still needs a session or
 *   `Authorization: Bearer $ADMIN_TOKEN` where auth is on.
 */
export interface GuardInput {
  method: string;
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  forwardedHost: string | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** "Example.com:3000" → "example.com"; "[::1]:3000" → "::1". */
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  const colons = h.split(":").length - 1;
  return colons === 1 ? h.slice(0, h.indexOf(":")) : h; // a bare IPv6 address has several
}

export function checkRequest(r: GuardInput, allowedHostnames: ReadonlySet<string>): AppError | null {
  if (!r.host || !allowedHostnames.has(hostnameOf(r.host))) {
    return new AppError(
      "forbidden:host",
      `This app does not serve the host "${(r.host ?? "").slice(0, 100)}". Open it at its own address, or add the name to ALLOWED_HOSTS when it runs behind a proxy.`,
    );
  }
  if (SAFE_METHODS.has(r.method.toUpperCase())) return null;
  const site = r.secFetchSite?.toLowerCase();
  if (site && site !== "same-origin" && site !== "none") {
    return new AppError("forbidden:cross_origin", `Cross-site request refused: ${r.method} requests are accepted only from this app's own pages.`);
  }
  if (r.origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = r.origin === "null" ? null : new URL(r.origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    const own = [r.host, r.forwardedHost].filter(Boolean).map((h) => h!.toLowerCase());
    if (!originHost || !own.includes(originHost)) {
      return new AppError("forbidden:cross_origin", `Cross-origin request refused: ${r.method} from ${r.origin.slice(0, 100)} is accepted only from this app's own pages.`);
    }
  }
  return null;
}

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

/** A body meant as JSON must say so: a cross-site form or text/plain POST never gets this far. */
export function checkJsonContentType(contentType: string | null): AppError | null {
  if (contentType && JSON_TYPE.test(contentType.trim())) return null;
  return new AppError("invalid:content_type", `Send the request body as JSON (Content-Type: application/json), not ${contentType ? contentType.split(";")[0] : "without a Content-Type"}.`, { status: 415 });
}
