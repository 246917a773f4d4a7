// Preloaded into the web server (`node --import` in scripts/start.mjs): every request carries the
// address of the socket it came on in `x-xinstruct-peer`, overwriting whatever a client sent under
// that name. Next keeps a client's own X-Forwarded-For as is (it fills it in only when absent), so
// that header alone cannot tell a direct client's real address; the sign-in rate limit keys on
// this one unless TRUST_PROXY_HOPS says a reverse proxy appends to X-Forwarded-For
// (lib/auth/login-limiter.ts). Node's own hook, run before the request reaches any listener.
import { subscribe } from "node:diagnostics_channel";

export const PEER_HEADER = "x-xinstruct-peer";

subscribe("http.server.request.start", ({ request, socket }) => {
  request.headers[PEER_HEADER] = socket?.remoteAddress ?? "";
});
