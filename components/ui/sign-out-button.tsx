"use client";
import { useEffect, useState } from "react";

/**
 * "Sign out" where the app asks for a sign-in: ends the session on the server (the cookie
 * stops working everywhere, copies included) and goes to the sign-in page.
 */
export function SignOutButton() {
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetch("/api/auth/session").then((r) => (r.ok ? r.json() : null)).then((b) => setShown(Boolean(b?.authRequired))).catch(() => {});
  }, []);
  if (!shown) return null;
  return (
    <button
      type="button"
      className="sign-out"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await fetch("/api/auth/logout", { method: "POST" }).catch(() => null);
        window.location.assign("/login");
      }}
    >
      Sign out
    </button>
  );
}
