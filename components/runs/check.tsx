"use client";
import type { ReactNode } from "react";

/** A checkbox with its label on one line (globals.css lays labels out as a column). */
export function Check({ checked, onChange, title, children }: { checked: boolean; onChange: (checked: boolean) => void; title?: string; children: ReactNode }) {
  return (
    <label title={title} style={{ display: "flex", gap: 6, alignItems: "center", color: "inherit", fontSize: 14 }}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {children}
    </label>
  );
}
