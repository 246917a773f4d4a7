"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LanguageBar } from "@/lib/corpora/chart-data";
import styles from "./corpora.module.css";

/** Snippets per language (bars), with files and tokens in the tooltip. */
export function LanguageChart({ data }: { data: LanguageBar[] }) {
  return (
    <div className={styles.chart} data-testid="language-chart" role="img" aria-label={`Snippets per language: ${data.map((d) => `${d.name} ${d.snippets}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, _n, item) => [`${v} snippets · ${item.payload.files} files · ${item.payload.tokens} tokens (${(100 * item.payload.share).toFixed(1)} %)`, item.payload.name]} />
          <Bar dataKey="snippets" fill="#2f6fdf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
