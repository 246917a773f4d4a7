"""Early stopping: the pure rule, and the tiny CPU model stopped by an eval loss that stops falling,
exporting the best weights (not the last ones) as the final model."""
import json
import os
import tempfile
import unittest

import torch

from trainer.early_stop import EarlyStopper
from trainer.tests.support import EXAMPLES, MetricsServer, start, write_job


class EarlyStopperTest(unittest.TestCase):
    def test_stops_after_patience_evaluations_without_improvement(self):
        s = EarlyStopper(patience=2, min_delta=0.1)
        self.assertEqual(s.update(10, 3.0), (True, False))
        self.assertEqual(s.update(20, 2.95), (False, False))  # better, but not by more than min_delta
        self.assertEqual(s.update(30, 2.5), (True, False))
        self.assertEqual(s.update(40, 2.6), (False, False))
        self.assertEqual(s.update(50, 2.7), (False, True))
        self.assertEqual((s.best_step, s.best), (30, 2.5))

    def test_off_never_stops_and_state_survives_a_resume(self):
        off = EarlyStopper(0)
        self.assertFalse(any(off.update(i, 10.0 + i)[1] for i in range(20)))
        s = EarlyStopper(3)
        s.update(5, 1.0)
        s.update(10, 1.2)
        again = EarlyStopper(3)
        again.load(json.loads(json.dumps(s.state())))
        self.assertEqual((again.best, again.best_step, again.bad), (1.0, 5, 1))
        self.assertEqual(again.update(15, 1.3), (False, False))
        self.assertEqual(again.update(20, 1.3), (False, True))


class EarlyStopEndToEndTest(unittest.TestCase):
    def test_a_rising_eval_loss_stops_the_job_and_the_best_weights_are_exported(self):
        d = tempfile.mkdtemp()
        server = MetricsServer("job-token")
        self.addCleanup(server.close)
        job = write_job(os.path.join(d, "job.json"), metrics_url=server.url, metrics_token="job-token", max_steps=60, eval_every=2,
                        save_every=0, warmup_steps=1, eval_dataset=os.path.join(EXAMPLES, "tiny-sft-conflicting-eval.jsonl"),
                        early_stopping_patience=2, early_stopping_min_delta=0.01)
        p = start("sft", job)
        out, _ = p.communicate(timeout=180)
        self.assertEqual(p.returncode, 0, out)
        evals = server.metric("eval_loss")
        stop = [r for r in server.records if r["type"] == "early_stop"]
        self.assertEqual(len(stop), 1, out)
        stopped_at, best_step = stop[0]["step"], stop[0]["best_step"]
        self.assertLess(stopped_at, 60)
        best_loss = dict(evals)[best_step]
        self.assertEqual(best_loss, min(v for s, v in evals if s <= best_step))
        self.assertTrue(all(v > best_loss - 0.01 for s, v in evals if s > best_step))  # none after it improved enough
        self.assertEqual(stopped_at, best_step + 2 * 2)  # two evaluations, two steps apart
        self.assertEqual(max(s for s, _ in server.metric("loss")), stopped_at)  # no training after the stop
        final = [r for r in server.records if r["type"] == "final"][0]
        self.assertEqual((final["step"], final["best_step"]), (stopped_at, best_step))
        self.assertEqual([r["step"] for r in server.records if r["type"] == "best"][-1], best_step)
        exported = torch.load(os.path.join(d, "out", "final", "pytorch_model.bin"))
        best = torch.load(os.path.join(d, "out", "best", "model.pt"))
        self.assertTrue(all(torch.equal(exported[k], best[k]) for k in best))
        self.assertIn(f"weights of step {best_step}", [r for r in server.records if r["type"] == "status"][-1]["message"])

    def test_early_stopping_without_eval_data_is_refused(self):
        d = tempfile.mkdtemp()
        job = write_job(os.path.join(d, "job.json"), eval_fraction=0, early_stopping_patience=2)
        p = start("sft", job)
        out, _ = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 1)
        self.assertIn("early stopping needs eval data", out)


if __name__ == "__main__":
    unittest.main()
