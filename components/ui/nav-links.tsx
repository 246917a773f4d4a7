"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  ["/", "Overview"],
  ["/corpora", "Corpora"],
  ["/runs", "Runs"],
  ["/samples", "Samples"],
  ["/training", "Training"],
  ["/evaluations", "Evaluations"],
  ["/compare", "Compare"],
  ["/ablations", "Ablations"],
  ["/jobs", "Jobs"],
  ["/settings", "Settings"],
] as const;

export function NavLinks() {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      {LINKS.map(([href, label]) => {
        const active = href === "/" ? path === "/" : path.startsWith(href);
        return (
          <Link key={href} href={href} className={active ? "active" : undefined} aria-current={active ? "page" : undefined}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
