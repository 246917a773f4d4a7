import json
import math
import os
import unittest

from trainer.config import JobConfig
from trainer.mfu import flops_per_token, mfu, peak_tflops_for
from trainer.native_model import QWEN25_CODER, NativeCausalLM
from trainer.prepare import Schedule, make_schedule, total_steps
from trainer.data import eval_count
from trainer.schedule import lr_multiplier, plan

CASES = json.load(open(os.path.join(os.path.dirname(__file__), "schedule_cases.json")))


class CosineWarmupTest(unittest.TestCase):
    def test_linear_warmup_then_cosine_to_the_floor(self):
        self.assertEqual(lr_multiplier(0, 100, 1000), 0.0)
        self.assertAlmostEqual(lr_multiplier(50, 100, 1000), 0.5)
        self.assertAlmostEqual(lr_multiplier(100, 100, 1000), 1.0)
        self.assertAlmostEqual(lr_multiplier(550, 100, 1000), 0.5)  # half-way through the decay
        self.assertAlmostEqual(lr_multiplier(1000, 100, 1000), 0.0)
        self.assertAlmostEqual(lr_multiplier(1000, 100, 1000, min_ratio=0.1), 0.1)
        self.assertAlmostEqual(lr_multiplier(325, 100, 1000), 0.5 * (1 + math.cos(math.pi * 0.25)))

    def test_decay_is_monotonic_after_warmup(self):
        values = [lr_multiplier(s, 10, 200) for s in range(10, 201)]
        self.assertTrue(all(a >= b for a, b in zip(values, values[1:])))


class BatchScheduleTest(unittest.TestCase):
    def test_paper_global_batch_through_accumulation(self):
        cfg = JobConfig(dataset="x", global_batch_size=1024, micro_batch_size=4)
        self.assertEqual(make_schedule(cfg, 10_000, world=8).accum, 32)  # 4 × 8 GPUs × 32 = 1024
        self.assertEqual(make_schedule(cfg, 10_000, world=1).accum, 256)

    def test_the_global_batch_counts_samples_not_packed_rows(self):
        # 95k samples packed 4 to a row: 8 micro-batches of 4 rows on 8 GPUs hold 1024 samples
        cfg = JobConfig(dataset="x", global_batch_size=1024, micro_batch_size=4, warmup_steps=100)
        s = make_schedule(cfg, 23_750, world=8, n_samples=95_000)
        self.assertEqual(s.accum, 8)
        self.assertEqual(total_steps(cfg, s), 279)  # not the 24 a rows-count batch gives, under the 100 warm-up steps

    def test_shared_cases_match_the_papers_definition(self):
        for c in CASES["plans"]:
            with self.subTest(c["name"]):
                p = plan(c["samples"], c["rows"], c["global_batch"], c["micro"], c["world"], c["epochs"], c["max_steps"], c["warmup_steps"])
                got = {"accumulation": p.accumulation, "steps_per_epoch": p.steps_per_epoch, "total_steps": p.total_steps,
                       "samples_per_step": p.samples_per_step, "warnings": p.warnings}
                self.assertEqual(got, c["expect"])

    def test_eval_split_sizes(self):
        for c in CASES["eval_split"]:
            self.assertEqual(eval_count(c["rows"], c["fraction"]), c["eval"], c)

    def test_ranks_see_disjoint_items_and_an_epoch_covers_everything(self):
        s = Schedule(n_items=20, micro=2, world=2, accum=1, seed=3)
        seen = []
        for k in range(s.micro_per_epoch):
            a, b = s.micro_batch(k, 0), s.micro_batch(k, 1)
            self.assertFalse(set(a) & set(b))
            seen += a + b
        self.assertEqual(sorted(seen), list(range(20)))

    def test_order_is_fixed_by_the_seed_so_resume_needs_no_data_position(self):
        s1, s2 = Schedule(50, 4, 1, 2, 9), Schedule(50, 4, 1, 2, 9)
        self.assertEqual([s1.micro_batch(k, 0) for k in range(40)], [s2.micro_batch(k, 0) for k in range(40)])
        self.assertNotEqual(s1.order(0), s1.order(1))  # reshuffled each epoch

    def test_total_steps_from_epochs(self):
        cfg = JobConfig(dataset="x", global_batch_size=8, micro_batch_size=4, epochs=2)
        self.assertEqual(total_steps(cfg, make_schedule(cfg, 40, 1)), 10)


class MfuTest(unittest.TestCase):
    def test_formula(self):
        # 1e9 matmul params, 2 layers, d=1000, S=1000: 6e9 + 12*2*1000*1000 = 6.024e9 FLOPs/token
        per_tok = flops_per_token(1_000_000_000, 2, 1000, 1000)
        self.assertAlmostEqual(per_tok, 6.024e9)
        self.assertAlmostEqual(mfu(50_000, per_tok, 989.4), 50_000 * 6.024e9 / 989.4e12)
        self.assertAlmostEqual(mfu(50_000, per_tok, 989.4, n_devices=2), mfu(25_000, per_tok, 989.4))

    def test_peaks_by_device_name(self):
        self.assertEqual(peak_tflops_for("NVIDIA H100 80GB HBM3"), 989.4)
        self.assertEqual(peak_tflops_for("NVIDIA H100 PCIe"), 756.0)
        self.assertEqual(peak_tflops_for("NVIDIA A100-SXM4-80GB"), 312.0)
        self.assertIsNone(peak_tflops_for("cpu"))

    def test_qwen_configs_have_the_published_sizes(self):
        # parameter counts from shapes alone (no allocation): 0.49B and 1.54B with tied embeddings
        for name, expected in (("0.5b", 0.494e9), ("1.5b", 1.544e9)):
            c = QWEN25_CODER[name]
            hd = c.hidden_size // c.num_attention_heads
            attn = c.hidden_size * (c.num_attention_heads * hd) * 2 + 2 * c.hidden_size * (c.num_key_value_heads * hd)
            attn += (c.num_attention_heads + 2 * c.num_key_value_heads) * hd
            mlp = 3 * c.hidden_size * c.intermediate_size
            total = c.vocab_size * c.hidden_size + c.num_hidden_layers * (attn + mlp + 2 * c.hidden_size) + c.hidden_size
            self.assertAlmostEqual(total / expected, 1.0, places=2)


if __name__ == "__main__":
    unittest.main()
