"use client";
import type { ReactNode } from "react";

/** A labelled form control with its validation messages underneath. */
export function Field({ label, errors, hint, children }: { label: string; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  return (
    <label style={{ display: "block" }}>
      <div>{label}</div>
      {children}
      {hint ? <div className="muted" style={{ fontSize: 12 }}>{hint}</div> : null}
      {errors?.length ? (
        <div className="error" role="alert" style={{ fontSize: 13 }}>
          {errors.join(" ")}
        </div>
      ) : null}
    </label>
  );
}
