import { LoginForm } from "@/components/ui/login-form";
import { safeNextPath } from "@/lib/auth/safe-next";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <div className="panel" style={{ maxWidth: 380 }}>
      <h1>Sign in</h1>
      <LoginForm next={safeNextPath(next)} />
    </div>
  );
}
