"use client";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "@/lib/training/chart-data";
import type { StepMark } from "@/lib/training/job-notes";

export interface Series {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

const fmt = (percent?: boolean) => (v: number) => (percent ? `${(v * 100).toFixed(1)}%` : Math.abs(v) < 1e-2 && v !== 0 ? v.toExponential(1) : Number(v.toPrecision(4)).toString());

/** One training curve chart; the data comes prepared (lib/training/chart-data.ts). */
export function MetricChart({ id, title, rows, series, percent, marks = [] }: { id: string; title: string; rows: ChartRow[]; series: Series[]; percent?: boolean; marks?: StepMark[] }) {
  return (
    <figure className="panel chart" data-testid={`chart-${id}`} data-points={rows.length} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      {marks.length ? <p className="muted" style={{ margin: "0 0 4px", fontSize: 12 }} data-testid={`chart-${id}-marks`}>{marks.map((m) => m.label).join(" · ")}</p> : null}
      <div style={{ width: "100%", height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
            <XAxis dataKey="step" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} fontSize={11} />
            <YAxis tickFormatter={fmt(percent)} fontSize={11} width={56} domain={["auto", "auto"]} />
            <Tooltip formatter={(v) => fmt(percent)(Number(v))} labelFormatter={(s) => `step ${s}`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {marks.map((m) => <ReferenceLine key={`${m.kind}-${m.step}`} x={m.step} stroke={m.kind === "stop" ? "#dc2626" : "#16a34a"} strokeDasharray="4 3" label={{ value: m.kind === "stop" ? "stop" : "best", fontSize: 10, position: "top" }} />)}
            {series.map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeDasharray={s.dashed ? "5 4" : undefined} dot={rows.length < 30} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
