"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

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
  const nav = useRef<HTMLElement>(null);
  // On a phone the nav is one scrolling row: bring the current section into view.
  useEffect(() => {
    const current = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    const row = nav.current;
    if (current && row && row.scrollWidth > row.clientWidth) row.scrollLeft = current.offsetLeft - row.clientWidth / 2 + current.offsetWidth / 2;
  }, [path]);
  return (
    <nav aria-label="Main" ref={nav}>
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
