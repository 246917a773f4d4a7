"""Test helpers: a real HTTP server that records metric POSTs and checks the job token."""
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "trainer", "examples")


class MetricsServer:
    def __init__(self, token: str):
        self.token = token
        self.records = []
        self.refused = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                if self.headers.get("authorization") != f"Bearer {outer.token}":
                    outer.refused += 1
                    self.send_response(401)
                    self.end_headers()
                    return
                outer.records.extend(json.loads(body)["records"])
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/api/training/t1/metrics"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def metric(self, name):
        return [(r["step"], r["values"][name]) for r in self.records if r["type"] == "metrics" and name in r["values"]]


def write_job(path: str, **overrides) -> str:
    job = {
        "kind": "sft", "model": "tiny-test", "dataset": os.path.join(EXAMPLES, "tiny-sft.jsonl"),
        "output_dir": os.path.join(os.path.dirname(path), "out"), "learning_rate": 3e-3, "warmup_steps": 2,
        "global_batch_size": 8, "micro_batch_size": 4, "max_length": 256, "max_steps": 10,
        "eval_every": 5, "save_every": 4, "eval_fraction": 0.1, "bf16": False,
    }
    job.update(overrides)
    with open(path, "w") as f:
        json.dump(job, f)
    return path


def trainer_cmd(kind: str, config: str, *extra: str):
    return [sys.executable, "-m", "trainer", kind, "--config", config, *extra]


def start(kind: str, config: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(trainer_cmd(kind, config, *extra), cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
