"use client";
import { useEffect, useRef } from "react";

export type Shortcut = "next" | "prev" | "accept" | "reject" | "reset" | "edit" | "save" | "cancel" | "toggle";

const KEYS: Record<string, Shortcut> = { j: "next", ArrowDown: "next", k: "prev", ArrowUp: "prev", a: "accept", r: "reject", u: "reset", e: "edit", x: "toggle" };

/**
 * Curation from the keyboard: j/k (or arrows) move, a accept, r reject, u reset, e edit,
 * x select for bulk actions; while editing, Ctrl/Cmd+S saves and Escape cancels. Letters are
 * ignored while typing in a field or in the editor.
 */
export function useShortcuts(editing: boolean, handler: (s: Shortcut) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing) {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
          e.preventDefault();
          latest.current("save");
        } else if (e.key === "Escape") {
          e.preventDefault();
          latest.current("cancel");
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (e.key === "Escape" && t instanceof HTMLElement) return t.blur(); // back to the table keys
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      const s = KEYS[e.key];
      if (!s) return;
      e.preventDefault();
      latest.current(s);
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [editing]);
}
