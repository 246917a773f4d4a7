import json
import os
import tempfile
import unittest

from trainer.reporter import Reporter
from trainer.tests.support import MetricsServer


class ReporterTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.server = MetricsServer("tok-123")

    def tearDown(self):
        self.server.close()

    def test_records_reach_the_endpoint_with_the_token_and_the_jsonl_file(self):
        path = os.path.join(self.dir, "m.jsonl")
        r = Reporter(path, self.server.url, "tok-123", batch_interval_s=0.05)
        r.metrics(1, {"loss": 2.5, "lr": 1e-5, "mfu": None})
        r.metrics(2, {"loss": 2.0, "bad": float("nan")})
        r.checkpoint(2, "/x/step-2")
        r.close()
        self.assertEqual(self.server.metric("loss"), [(1, 2.5), (2, 2.0)])
        self.assertEqual([x for x in self.server.records if x["type"] == "checkpoint"][0]["path"], "/x/step-2")
        self.assertNotIn("mfu", self.server.records[0]["values"])  # None and NaN are not sent
        with open(path) as f:
            lines = [json.loads(x) for x in f]
        self.assertEqual([x["type"] for x in lines], ["metrics", "metrics", "checkpoint"])
        self.assertEqual(r.sent, 3)

    def test_a_wrong_token_is_refused_and_training_goes_on(self):
        logs = []
        r = Reporter(None, self.server.url, "not-the-token", batch_interval_s=0.05, log=logs.append)
        r.metrics(1, {"loss": 1.0})
        r.close()
        self.assertEqual(self.server.records, [])
        self.assertEqual(self.server.refused, 1)
        self.assertEqual(r.failed_posts, 1)
        self.assertIn("HTTP 401", logs[0])

    def test_an_unreachable_app_keeps_the_records_in_the_file(self):
        path = os.path.join(self.dir, "m.jsonl")
        r = Reporter(path, "http://127.0.0.1:9/x", "t", batch_interval_s=0.01, timeout_s=0.5, log=lambda m: None, retry_base_s=0.01)
        r.metrics(1, {"loss": 1.0})
        r.close(wait_s=10)
        with open(path) as f:
            self.assertEqual(json.loads(f.readline())["values"]["loss"], 1.0)
        self.assertEqual(r.failed_posts, 1)


if __name__ == "__main__":
    unittest.main()
