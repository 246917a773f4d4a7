import { LoginForm } from "@/components/ui/login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const safeNext = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <div className="panel" style={{ maxWidth: 380 }}>
      <h1>Sign in</h1>
      <LoginForm next={safeNext} />
    </div>
  );
}
