import unittest

import torch

from trainer.collate import collate, collate_preferences
from trainer.data import IGNORE, Example, PreferenceExample
from trainer.native_model import TINY, NativeCausalLM
from trainer.packing import pack, unpacked


def ex(n, start=1):
    ids = list(range(start, start + n))
    return Example(ids, list(ids))


class PackingTest(unittest.TestCase):
    def test_samples_are_never_split_and_sequences_never_overflow(self):
        examples = [ex(5), ex(4, 10), ex(7, 20), ex(2, 30), ex(3, 40)]
        bins = pack(examples, 10)
        for b in bins:
            self.assertLessEqual(len(b.input_ids), 10)
        # every sample appears exactly once, contiguous, in one sequence
        flat = [tuple(b.input_ids[i] for i in range(len(b.input_ids)) if b.segment_ids[i] == s)
                for b in bins for s in range(1, b.n_samples + 1)]
        self.assertEqual(sorted(flat), sorted(tuple(e.input_ids) for e in examples))
        # first fit: [5 + 4], [7 + 2], [3]
        self.assertEqual([len(b.input_ids) for b in bins], [9, 9, 3])

    def test_boundaries_reset_positions_and_drop_the_cross_sample_label(self):
        b = pack([ex(3, 1), ex(4, 10)], 16)[0]
        self.assertEqual(b.position_ids, [0, 1, 2, 0, 1, 2, 3])
        self.assertEqual(b.segment_ids, [1, 1, 1, 2, 2, 2, 2])
        # label at the start of each sample is ignored: it would be predicted from the other sample
        self.assertEqual(b.labels, [IGNORE, 2, 3, IGNORE, 11, 12, 13])

    def test_masked_labels_survive_packing(self):
        e = Example([1, 2, 3, 4], [IGNORE, IGNORE, 3, 4])
        self.assertEqual(pack([e, e], 8)[0].labels, [IGNORE, IGNORE, 3, 4, IGNORE, IGNORE, 3, 4])

    def test_overlong_samples_are_truncated(self):
        bins = pack([ex(12)], 8)
        self.assertEqual(len(bins), 1)
        self.assertEqual(len(bins[0].input_ids), 8)

    def test_first_fit_matches_the_plain_scan_on_random_lengths(self):
        import random
        rng = random.Random(5)
        examples = [ex(rng.randint(1, 40), i) for i in range(600)]

        def plain(exs, cap):  # the definition: the first open bin with room, else a new one
            bins = []
            for e in exs:
                n = min(len(e.input_ids), cap)
                i = next((k for k, used in enumerate(bins) if used + n <= cap), len(bins))
                if i == len(bins):
                    bins.append(0)
                bins[i] += n
            return bins
        for cap in (40, 64, 100):
            self.assertEqual([len(b.input_ids) for b in pack(examples, cap)], plain(examples, cap))

    def test_unpacked_is_one_sample_per_sequence(self):
        self.assertEqual(len(unpacked([ex(2), ex(3)], 8)), 2)


class CollateTest(unittest.TestCase):
    def test_padding_has_no_label_no_attention_and_segment_zero(self):
        batch = collate(pack([ex(3)], 8) + pack([ex(5)], 8), pad_id=0)
        self.assertEqual(tuple(batch["input_ids"].shape), (2, 5))
        self.assertEqual(batch["labels"][0].tolist(), [IGNORE, 2, 3, IGNORE, IGNORE])
        self.assertEqual(batch["attention_mask"][0].tolist(), [1, 1, 1, 0, 0])
        self.assertEqual(batch["segment_ids"][0].tolist(), [1, 1, 1, 0, 0])

    def test_preference_batches_put_chosen_first(self):
        p = PreferenceExample([7, 8], [1, 2], [3])
        batch = collate_preferences([p], pad_id=0)
        self.assertEqual(batch["input_ids"].tolist(), [[7, 8, 1, 2], [7, 8, 3, 0]])
        self.assertEqual(batch["labels"].tolist(), [[IGNORE, IGNORE, 1, 2], [IGNORE, IGNORE, 3, IGNORE]])


class PackedAttentionTest(unittest.TestCase):
    def test_a_packed_sample_sees_only_itself(self):
        torch.manual_seed(0)
        model = NativeCausalLM(TINY).eval()
        a, b = ex(6, 40), ex(5, 90)
        packed = collate(pack([a, b], 32), pad_id=258)
        alone = collate(pack([b], 32), pad_id=258)
        with torch.no_grad():
            lp = model(packed["input_ids"], packed["position_ids"], packed["segment_ids"])
            la = model(alone["input_ids"], alone["position_ids"], alone["segment_ids"])
        self.assertTrue(torch.allclose(lp[0, 6:11], la[0, :5], atol=1e-5))


if __name__ == "__main__":
    unittest.main()
