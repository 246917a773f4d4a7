"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#2f6fdf", "#e07a1f", "#1f8a4c", "#8e44ad", "#c0392b", "#16a0a0", "#7f8c8d", "#b7791f", "#000000"];

/** The paper's Figure 5: pass@1 against training-data size, a line per language (and the average). */
export function DataSizeChart({ data, series }: { data: Record<string, number | undefined>[]; series: { key: string; label: string }[] }) {
  return (
    <div style={{ width: "100%", height: 320 }} data-testid="data-size-chart">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="size" type="number" scale="linear" domain={["dataMin", "dataMax"]} label={{ value: "training samples", position: "insideBottom", offset: -12 }} />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v) => `${v}%`} />
          <Legend verticalAlign="top" />
          {series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} strokeWidth={s.key === "avg" ? 3 : 1.5} dot isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
