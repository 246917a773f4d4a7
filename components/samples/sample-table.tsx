"use client";
import { useEffect, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { SampleRow } from "@/lib/samples/types";
import { verdictLabel } from "@/lib/samples/verdict-label";

interface Props {
  rows: SampleRow[];
  total: number;
  hasMore: boolean;
  loadMore: () => void;
  current: number;
  onSelect: (index: number) => void;
  checked: ReadonlySet<string>;
  onCheck: (id: string) => void;
}

const ROW = 34;

/** The samples table: only the rows in view are in the DOM; more pages load near the end. */
export function SampleTable({ rows, total, hasMore, loadMore, current, onSelect, checked, onCheck }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });
  const items = v.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 40) loadMore();
  }, [lastIndex, rows.length, hasMore, loadMore]);
  useEffect(() => {
    if (current >= 0) v.scrollToIndex(current, { align: "auto" });
  }, [current, v]);

  return (
    <div className="sample-table" role="table" aria-label="Samples" aria-rowcount={total}>
      <div className="st-row st-head" role="row">
        <span role="columnheader" />
        <span role="columnheader">Run</span>
        <span role="columnheader">Part</span>
        <span role="columnheader">Lang</span>
        <span role="columnheader">Score</span>
        <span role="columnheader">Verdict</span>
        <span role="columnheader">Curation</span>
        <span role="columnheader">Instruction</span>
      </div>
      <div ref={scroller} className="st-body" data-testid="sample-scroller">
        <div style={{ height: v.getTotalSize(), position: "relative" }}>
          {items.map((it) => {
            const r = rows[it.index];
            return (
              <div
                key={r.id}
                role="row"
                aria-rowindex={it.index + 2}
                aria-selected={it.index === current}
                data-testid="sample-row"
                data-id={r.id}
                className={`st-row${it.index === current ? " current" : ""}${r.filtered ? " filtered" : ""}`}
                style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${it.start}px)` }}
                onClick={() => onSelect(it.index)}
              >
                <span role="cell"><input type="checkbox" checked={checked.has(r.id)} onChange={() => onCheck(r.id)} onClick={(e) => e.stopPropagation()} aria-label="select sample" /></span>
                <span role="cell" className="ellipsis" title={r.runName}>{r.runName}</span>
                <span role="cell">{r.part.replace("ds", "Ds")}</span>
                <span role="cell">{r.language}</span>
                <span role="cell">{r.score === null ? "—" : r.score.toFixed(1)}</span>
                <span role="cell"><span className={`badge verdict-${r.verdict ?? "none"}`} title={r.stubCheck === "unavailable" ? "the tests passed, but the solution could not be stubbed to check that they assert anything" : undefined}>{verdictLabel(r.verdict, r.stubCheck)}</span></span>
                <span role="cell"><span className={`badge curation-${r.curation}`} data-testid="row-curation">{r.curation}</span></span>
                <span role="cell" className="ellipsis" title={r.preview}>{r.preview}</span>
              </div>
            );
          })}
        </div>
        {rows.length === 0 ? <div className="empty" role="status">No samples match these filters.</div> : null}
      </div>
    </div>
  );
}
