"""The trainer as a real process on CPU with the tiny model: the loss falls, metrics reach an HTTP
endpoint with the job token, SIGTERM saves a checkpoint and exits, and --resume continues from it."""
import os
import signal
import tempfile
import time
import unittest

from trainer.checkpoint import list_checkpoints
from trainer.tests.support import EXAMPLES, MetricsServer, start, write_job


class TrainEndToEndTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.server = MetricsServer("job-token")

    def tearDown(self):
        self.server.close()

    def test_sft_loss_falls_and_metrics_arrive(self):
        job = write_job(os.path.join(self.dir, "job.json"), metrics_url=self.server.url, metrics_token="job-token",
                        max_steps=12, peak_tflops=0.05)
        p = start("sft", job)
        out, _ = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, out)
        loss = [v for _, v in self.server.metric("loss")]
        self.assertEqual(len(loss), 12)
        self.assertLess(sum(loss[-3:]) / 3, 0.85 * sum(loss[:3]) / 3, loss)
        evals = self.server.metric("eval_loss")
        self.assertEqual([s for s, _ in evals], [5, 10, 12])
        self.assertLess(evals[-1][1], evals[0][1])
        for name in ("lr", "grad_norm", "tokens_per_s", "mfu"):
            self.assertEqual(len(self.server.metric(name)), 12, name)
        lrs = [v for _, v in self.server.metric("lr")]
        self.assertEqual(lrs[0], 0.0)  # warmup starts at 0
        self.assertAlmostEqual(max(lrs), 3e-3)
        statuses = [r["status"] for r in self.server.records if r["type"] == "status"]
        self.assertEqual(statuses, ["running", "completed"])
        # before the first metrics, the job page can say what the trainer is doing
        phases = [r["phase"] for r in self.server.records if r["type"] == "phase"]
        self.assertEqual(phases[:3], ["loading_model", "preparing_data", "first_step"], phases)
        first = [r for r in self.server.records if r["type"] == "phase" and r["phase"] == "first_step"][0]
        self.assertEqual((first["done"], first["total"]), (0, plan_accumulation(self.server.records)))
        att = [r for r in self.server.records if r["type"] == "attention"]
        self.assertEqual([(r["implementation"], r["packing"]) for r in att], [("native", "segments")])
        plan = [r for r in self.server.records if r["type"] == "schedule"][0]
        self.assertEqual(plan["total_steps"], 12)
        self.assertGreater(plan["samples"], plan["rows"])  # packed rows hold several samples...
        self.assertEqual(plan["accumulation"], round(8 * plan["rows"] / plan["samples"] / 4))  # ...and the batch of 8 counts samples
        self.assertTrue(os.path.isfile(os.path.join(self.dir, "out", "final", "config.json")))
        self.assertEqual([s for s, _ in list_checkpoints(os.path.join(self.dir, "out"))], [4, 8])

    def test_dpo_margins_grow(self):
        job = write_job(os.path.join(self.dir, "job.json"), kind="dpo", dataset=os.path.join(EXAMPLES, "tiny-dpo.jsonl"),
                        metrics_url=self.server.url, metrics_token="job-token", max_steps=8, save_every=0)
        p = start("dpo", job)
        out, _ = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, out)
        margins = [v for _, v in self.server.metric("rewards_margin")]
        self.assertEqual(len(margins), 8)
        self.assertAlmostEqual(margins[0], 0.0, places=4)  # the policy starts as the reference
        self.assertGreater(margins[-1], 0.5)
        self.assertEqual(len(self.server.metric("rewards_accuracy")), 8)
        self.assertTrue(os.path.isfile(os.path.join(self.dir, "out", "reference_logps.pt")))
        ref = [r for r in self.server.records if r["type"] == "phase" and r["phase"] == "reference_logps"]
        self.assertGreaterEqual(len(ref), 2, ref)  # announced, then its progress
        self.assertEqual(ref[0]["done"], 0)
        self.assertTrue(all(r["total"] == ref[0]["total"] > 0 for r in ref))

    def test_sigterm_checkpoints_then_resume_continues(self):
        job = write_job(os.path.join(self.dir, "job.json"), metrics_url=self.server.url, metrics_token="job-token",
                        max_steps=400, save_every=1000, log_every=1)
        p = start("sft", job)
        deadline = time.time() + 60
        while len(self.server.metric("loss")) < 3 and time.time() < deadline:
            time.sleep(0.1)
        p.send_signal(signal.SIGTERM)
        out, _ = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 0, out)
        self.assertIn("received SIGTERM", out)
        ckpts = list_checkpoints(os.path.join(self.dir, "out"))
        self.assertEqual(len(ckpts), 1, out)
        stopped_at = ckpts[0][0]
        self.assertGreaterEqual(stopped_at, 3)
        status = [r for r in self.server.records if r["type"] == "status"][-1]
        self.assertEqual((status["status"], status["step"]), ("stopped", stopped_at))

        self.server.records.clear()
        job = write_job(os.path.join(self.dir, "job.json"), metrics_url=self.server.url, metrics_token="job-token",
                        max_steps=stopped_at + 3, save_every=1000)
        p = start("sft", job, "--resume")
        out, _ = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, out)
        self.assertIn(f"resumed from", out)
        steps = [s for s, _ in self.server.metric("loss")]
        self.assertEqual(steps, [stopped_at + 1, stopped_at + 2, stopped_at + 3])

    def test_a_broken_dataset_fails_with_a_message(self):
        bad = os.path.join(self.dir, "bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"messages": []}\n{nope\n')
        job = write_job(os.path.join(self.dir, "job.json"), dataset=bad, metrics_url=self.server.url, metrics_token="job-token")
        p = start("sft", job)
        out, _ = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 1)
        self.assertIn("bad.jsonl:2: not valid JSON", out)
        self.assertEqual([r["status"] for r in self.server.records if r["type"] == "status"], ["failed"])


def plan_accumulation(records):
    return [r for r in records if r["type"] == "schedule"][0]["accumulation"]


if __name__ == "__main__":
    unittest.main()
