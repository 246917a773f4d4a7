"use client";

type Action = "accept" | "reject" | "reset";

/** Bulk curation: the checked rows, or every sample matching the filters. */
export function BulkBar({ count, total, blocked, onAction, onClear }: { count: number; total: number; blocked?: string | null; onAction: (a: Action, scope: "checked" | "all") => void; onClear: () => void }) {
  return (
    <div className="row bulk-bar" aria-label="Bulk actions">
      {count > 0 ? (
        <>
          <strong data-testid="checked-count">{count} selected</strong>
          <button onClick={() => onAction("accept", "checked")}>Accept selected</button>
          <button className="danger" onClick={() => onAction("reject", "checked")}>Reject selected</button>
          <button className="secondary" onClick={() => onAction("reset", "checked")}>Reset selected</button>
          <button className="secondary" onClick={onClear}>Clear</button>
        </>
      ) : (
        <>
          <span className="muted">All {total.toLocaleString("en")} matching:</span>
          {/* never over a filter that does not read, nor one whose rows are not shown yet */}
          <button className="secondary" onClick={() => onAction("accept", "all")} disabled={!total || Boolean(blocked)} title={blocked ?? undefined}>Accept all</button>
          <button className="secondary" onClick={() => onAction("reject", "all")} disabled={!total || Boolean(blocked)} title={blocked ?? undefined}>Reject all</button>
          {blocked ? <span className="muted" data-testid="bulk-blocked">({blocked})</span> : null}
        </>
      )}
    </div>
  );
}
