"use client";

type Action = "accept" | "reject" | "reset";

/** Bulk curation: the checked rows, or every sample matching the filters. */
export function BulkBar({ count, total, onAction, onClear }: { count: number; total: number; onAction: (a: Action, scope: "checked" | "all") => void; onClear: () => void }) {
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
          <button className="secondary" onClick={() => onAction("accept", "all")} disabled={!total}>Accept all</button>
          <button className="secondary" onClick={() => onAction("reject", "all")} disabled={!total}>Reject all</button>
        </>
      )}
    </div>
  );
}
