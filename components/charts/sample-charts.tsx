"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SampleCharts as Data } from "@/lib/samples/chart-data";

const PART_COLORS = { ds1: "#2f6fdf", ds2: "#1f8a4c", ds3: "#b7791f", ds4: "#8e44ad" } as const;
// every category keeps its tick label (recharts drops the ones it guesses would overlap), slanted to fit
const CATEGORY_TICKS = { interval: 0, angle: -30, textAnchor: "end", height: 56, tick: { fontSize: 12 } } as const;

function Panel({ title, note, children, testId }: { title: string; note?: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="panel chart-panel" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {note ? <p className="muted">{note}</p> : null}
      <div style={{ width: "100%", height: 260 }}>
        <ResponsiveContainer>{children as React.ReactElement}</ResponsiveContainer>
      </div>
    </section>
  );
}

/** The charts of a selection of samples; the data comes shaped by lib/domain/sample-charts. */
export function SampleCharts({ data }: { data: Data }) {
  const pct = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);
  const s = data.lengths;
  return (
    <div className="charts-grid">
      <Panel title="Samples per language" note="stacked by dataset part; Ds4 counts DPO pairs" testId="chart-languages">
        <BarChart data={data.perLanguage}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" {...CATEGORY_TICKS} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {(Object.keys(PART_COLORS) as (keyof typeof PART_COLORS)[]).map((p) => <Bar key={p} dataKey={p} name={p.replace("ds", "Ds")} stackId="part" fill={PART_COLORS[p]} isAnimationActive={false} />)}
        </BarChart>
      </Panel>
      <Panel title="Samples per dataset part" note="Ds4 counts DPO pairs" testId="chart-parts">
        <BarChart data={data.perPart}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" {...CATEGORY_TICKS} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="n" name="samples" fill="#2f6fdf" isAnimationActive={false} />
        </BarChart>
      </Panel>
      <Panel title="Score distribution" note={data.scores.unscored ? `${data.scores.unscored} unscored sample(s) not shown` : undefined} testId="chart-scores">
        <BarChart data={data.scores.bins}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" {...CATEGORY_TICKS} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="n" name="samples" fill="#1f8a4c" isAnimationActive={false} />
        </BarChart>
      </Panel>
      <Panel title="Pass rate per language" note="share of executed samples whose tests passed" testId="chart-pass-rate">
        <BarChart data={data.passRate.map((r) => ({ ...r, percent: pct(r.rate) }))}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" {...CATEGORY_TICKS} />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v, _n, item) => [`${v}% (${item.payload.passed}/${item.payload.executed})`, "pass rate"]} />
          <Bar dataKey="percent" name="pass rate" fill="#b7791f" isAnimationActive={false} />
        </BarChart>
      </Panel>
      <Panel
        title="Token lengths of problems and solutions"
        note={`median problem ${s.problem.median}, solution ${s.solution.median} tokens (approximate); ${s.measured === s.of ? "all" : `a random ${s.measured} of ${s.of}`} samples`}
        testId="chart-lengths"
      >
        <BarChart data={s.bins}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" {...CATEGORY_TICKS} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="problem" name="problem (instruction)" fill="#2f6fdf" isAnimationActive={false} />
          <Bar dataKey="solution" name="solution" fill="#8e44ad" isAnimationActive={false} />
        </BarChart>
      </Panel>
    </div>
  );
}
