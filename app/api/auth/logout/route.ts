import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { SESSION_COOKIE } from "@/lib/auth/session";

export const POST = route(async () => {
  const res = NextResponse.json({ ok: true });
  res.cookies.delete(SESSION_COOKIE);
  return res;
}, { public: true });
