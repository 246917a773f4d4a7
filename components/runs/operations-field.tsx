"use client";
import { useState } from "react";
import type { Operation } from "@/lib/domain/run-config";
import { Check } from "./check";

/** Custom operations as text, one a line: "id: description". */
export function parseCustomOperations(text: string): Operation[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([^:]+):\s*(.*)$/.exec(l);
      return m ? { id: m[1].trim(), description: m[2].trim() } : { id: l, description: "" };
    });
}

const formatCustom = (ops: Operation[]) => ops.map((o) => `${o.id}: ${o.description}`).join("\n");

/** The agents' evolution operations: the built-in ones as checkboxes, custom ones as text (remount it with a new key when the config is replaced). */
export function OperationsField({ defaults, value, onChange, errors }: { defaults: Operation[]; value: Operation[]; onChange: (ops: Operation[]) => void; errors?: string[] }) {
  const isDefault = (o: Operation) => defaults.some((d) => d.id === o.id);
  const [customText, setCustomText] = useState(formatCustom(value.filter((o) => !isDefault(o))));
  const chosen = value.filter(isDefault);
  const emit = (nextChosen: Operation[], text: string) => onChange([...defaults.filter((d) => nextChosen.some((c) => c.id === d.id)), ...parseCustomOperations(text)]);

  return (
    <fieldset style={{ marginTop: 12 }}>
      <legend>Operations</legend>
      <div className="form-grid">
        {defaults.map((d) => (
          <Check key={d.id} title={d.description} checked={chosen.some((c) => c.id === d.id)} onChange={(on) => emit(on ? [...chosen, d] : chosen.filter((c) => c.id !== d.id), customText)}>{d.id}</Check>
        ))}
      </div>
      <label style={{ display: "block", marginTop: 8 }}>
        Custom operations (one a line, <code>id: description</code>)
        <textarea aria-label="Custom operations" rows={3} style={{ width: "100%" }} value={customText} onChange={(e) => { setCustomText(e.target.value); emit(chosen, e.target.value); }} />
      </label>
      {errors?.length ? <p className="error" role="alert">Operations: {errors.join(" ")}</p> : null}
    </fieldset>
  );
}
