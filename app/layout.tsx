import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/ui/nav-links";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { QueryProvider } from "@/components/query/query-provider";
import "./globals.css";

export const metadata: Metadata = { title: "xinstruct", description: "Multilingual code-instruction data, training and evaluation" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <QueryProvider>
        <div className="shell">
          <aside className="sidebar">
            <div className="brand">
              xinstruct<small>multilingual code instructions</small>
            </div>
            <NavLinks />
            <SignOutButton />
          </aside>
          <main className="main">{children}</main>
        </div>
        </QueryProvider>
      </body>
    </html>
  );
}
