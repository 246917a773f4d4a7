"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function CancelJobButton({ jobId }: { jobId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button className="danger" disabled={busy} onClick={async () => { setBusy(true); await fetch(`/api/jobs/${jobId}/cancel`, { method: "POST" }); setBusy(false); router.refresh(); }}>
      Cancel
    </button>
  );
}
