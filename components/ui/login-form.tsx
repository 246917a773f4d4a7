"use client";
import { useState } from "react";

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = new FormData(e.currentTarget).get("password");
    const res = await fetch("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password }) });
    if (res.ok) window.location.assign(next);
    else setError((await res.json().catch(() => null))?.error?.message ?? "Sign-in failed");
  }
  return (
    <form onSubmit={submit} style={{ display: "grid", gap: 10 }}>
      <label>Admin password<input name="password" type="password" required autoFocus /></label>
      <button type="submit">Sign in</button>
      {error ? <span className="error" role="alert">{error}</span> : null}
    </form>
  );
}
