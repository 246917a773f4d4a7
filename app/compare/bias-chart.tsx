"use client";
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { BiasPoint } from "@/lib/domain/eval-charts";

/** Data share (x) against pass@1 (y), one labelled point per language: the paper's open question 2. */
export function BiasChart({ points }: { points: BiasPoint[] }) {
  return (
    <div style={{ width: "100%", height: 320 }} data-testid="bias-chart">
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="dataShare" name="data share" unit="%" label={{ value: "share of the training data", position: "insideBottom", offset: -12 }} />
          <YAxis type="number" dataKey="passRate" name="pass@1" unit="%" domain={[0, 100]} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Scatter data={points} fill="#2f6fdf" isAnimationActive={false}>
            <LabelList dataKey="label" position="top" />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
