"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistogramBar } from "@/lib/corpora/chart-data";
import styles from "./corpora.module.css";

/** Kept snippets by token length. */
export function TokenHistogram({ data }: { data: HistogramBar[] }) {
  return (
    <div className={styles.chart} data-testid="token-histogram" role="img" aria-label="Snippets by token length">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${v} snippets`, "count"]} labelFormatter={(l) => `${l} tokens`} />
          <Bar dataKey="count" fill="#1f8a4c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
