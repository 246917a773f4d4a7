"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "@/lib/training/chart-data";

export interface Series {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

const fmt = (percent?: boolean) => (v: number) => (percent ? `${(v * 100).toFixed(1)}%` : Math.abs(v) < 1e-2 && v !== 0 ? v.toExponential(1) : Number(v.toPrecision(4)).toString());

/** One training curve chart; the data comes prepared (lib/training/chart-data.ts). */
export function MetricChart({ id, title, rows, series, percent }: { id: string; title: string; rows: ChartRow[]; series: Series[]; percent?: boolean }) {
  return (
    <figure className="panel chart" data-testid={`chart-${id}`} data-points={rows.length} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <div style={{ width: "100%", height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
            <XAxis dataKey="step" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} fontSize={11} />
            <YAxis tickFormatter={fmt(percent)} fontSize={11} width={56} domain={["auto", "auto"]} />
            <Tooltip formatter={(v) => fmt(percent)(Number(v))} labelFormatter={(s) => `step ${s}`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeDasharray={s.dashed ? "5 4" : undefined} dot={rows.length < 30} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
