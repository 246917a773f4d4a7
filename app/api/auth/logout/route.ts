import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { readSessionToken, SESSION_COOKIE } from "@/lib/auth/session";
import { revokeSession } from "@/lib/auth/revocation";

/** Ends the session for good: its id is revoked on the server, not only the cookie dropped. */
export const POST = route(async (req) => {
  const session = readSessionToken(req.cookies.get(SESSION_COOKIE)?.value);
  if (session) await revokeSession(session.id, session.expiresAt);
  const res = NextResponse.json({ ok: true });
  res.cookies.delete(SESSION_COOKIE);
  return res;
}, { public: true });
