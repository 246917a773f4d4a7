"""Metrics out: every record goes to a local JSONL file at once and, when a URL is set, is POSTed
to the app's metrics endpoint with the job's own token from a background thread, in batches, so
a slow or unreachable app never stalls training. The JSONL file is the durable copy the app can
re-read (ingestion is idempotent), so records the app missed are not lost."""
from __future__ import annotations

import json
import queue
import sys
import threading
import time
import urllib.error
import urllib.request
from typing import Optional


class Reporter:
    def __init__(self, jsonl_path: Optional[str], url: Optional[str] = None, token: Optional[str] = None,
                 batch_interval_s: float = 0.5, timeout_s: float = 10.0, log=None, retry_base_s: float = 0.5):
        self.jsonl = open(jsonl_path, "a", encoding="utf-8") if jsonl_path else None
        self.url, self.token = url, token
        self.batch_interval_s, self.timeout_s, self.retry_base_s = batch_interval_s, timeout_s, retry_base_s
        self.log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
        self.sent = 0
        self.failed_posts = 0
        self._offline = False  # after a batch could not be delivered, later ones get one try each
        self._q: "queue.Queue[Optional[dict]]" = queue.Queue()
        self._thread = None
        if url:
            self._thread = threading.Thread(target=self._run, name="metrics-reporter", daemon=True)
            self._thread.start()

    def metrics(self, step: int, values: dict) -> None:
        clean = {k: float(v) for k, v in values.items() if v is not None and v == v}  # drop None and NaN
        self.record({"type": "metrics", "step": int(step), "values": clean})

    def checkpoint(self, step: int, path: str) -> None:
        self.record({"type": "checkpoint", "step": int(step), "path": path})

    def status(self, status: str, step: int, message: str = "") -> None:
        self.record({"type": "status", "status": status, "step": int(step), "message": message})

    def phase(self, phase: str, message: str, done: Optional[int] = None, total: Optional[int] = None) -> None:
        """What the trainer is doing before (or between) metrics: loading the model, tokenizing,
        DPO's reference log-probs, the first accumulation. The job page shows the latest one."""
        rec = {"type": "phase", "phase": phase, "message": message}
        if done is not None and total is not None:
            rec.update(done=int(done), total=int(total))
        self.record(rec)

    def record(self, rec: dict) -> None:
        rec = {**rec, "time": time.time()}
        if self.jsonl:
            self.jsonl.write(json.dumps(rec) + "\n")
            self.jsonl.flush()
        if self._thread:
            self._q.put(rec)

    def close(self, wait_s: float = 15.0) -> None:
        if self._thread:
            self._q.put(None)
            self._thread.join(wait_s)
        if self.jsonl:
            self.jsonl.close()

    def _run(self) -> None:
        done = False
        while not done:
            batch = []
            item = self._q.get()
            if item is None:
                done = True
            else:
                batch.append(item)
            deadline = time.time() + self.batch_interval_s
            while not done and time.time() < deadline and len(batch) < 500:
                try:
                    item = self._q.get(timeout=max(0.0, deadline - time.time()))
                except queue.Empty:
                    break
                if item is None:
                    done = True
                else:
                    batch.append(item)
            if batch:
                self._post(batch)

    def _post(self, batch: list) -> None:
        body = json.dumps({"records": batch}).encode()
        for attempt in range(1 if self._offline else 3):
            req = urllib.request.Request(self.url, data=body, method="POST", headers={
                "content-type": "application/json",
                "authorization": f"Bearer {self.token or ''}",
            })
            try:
                with urllib.request.urlopen(req, timeout=self.timeout_s) as res:
                    res.read()
                self.sent += len(batch)
                self._offline = False
                return
            except urllib.error.HTTPError as e:
                if 400 <= e.code < 500:  # refused (bad token, bad body): retrying cannot help
                    self.failed_posts += 1
                    self.log(f"[trainer] metrics endpoint refused {len(batch)} record(s): HTTP {e.code}")
                    return
            except (urllib.error.URLError, OSError):
                pass
            if not self._offline:
                time.sleep(self.retry_base_s * 2 ** attempt)
        self._offline = True
        self.failed_posts += 1
        self.log(f"[trainer] metrics endpoint unreachable; {len(batch)} record(s) kept in the JSONL file only")
