"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiJson, queryKeys } from "@/components/query/api";

/**
 * "Sign out" where the app asks for a sign-in: ends the session on the server (the cookie
 * stops working everywhere, copies included) and goes to the sign-in page.
 */
export function SignOutButton() {
  const session = useQuery({ queryKey: queryKeys.session, queryFn: () => apiJson<{ authRequired?: boolean }>("/api/auth/session"), staleTime: Infinity });
  const signOut = useMutation({
    mutationFn: () => fetch("/api/auth/logout", { method: "POST" }).catch(() => null),
    onSettled: () => window.location.assign("/login"),
  });
  if (!session.data?.authRequired) return null;
  return (
    <button type="button" className="sign-out" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
      Sign out
    </button>
  );
}
