import math
import unittest

import torch

from trainer.data import IGNORE
from trainer.losses import dpo_loss, sequence_logps, sft_loss


class DpoLossTest(unittest.TestCase):
    def test_matches_hand_computed_value(self):
        # Pair 1: policy prefers chosen more than the reference does; pair 2: the other way round.
        pc, pr = torch.tensor([-10.0, -12.0]), torch.tensor([-14.0, -11.0])
        rc, rr = torch.tensor([-11.0, -12.5]), torch.tensor([-13.0, -11.5])
        beta = 0.1
        # pair 1: 0.1 * ((-10 + 11) - (-14 + 13)) = 0.1 * (1 + 1) = 0.2
        # pair 2: 0.1 * ((-12 + 12.5) - (-11 + 11.5)) = 0.1 * (0.5 - 0.5) = 0.0
        expected = (-math.log(1 / (1 + math.exp(-0.2))) - math.log(0.5)) / 2
        out = dpo_loss(pc, pr, rc, rr, beta)
        self.assertAlmostEqual(out["loss"].item(), expected, places=6)
        self.assertAlmostEqual(out["rewards_chosen"].item(), (0.1 * 1 + 0.1 * 0.5) / 2, places=6)
        self.assertAlmostEqual(out["rewards_rejected"].item(), (0.1 * -1 + 0.1 * 0.5) / 2, places=6)
        self.assertAlmostEqual(out["rewards_margin"].item(), 0.1, places=6)
        self.assertAlmostEqual(out["rewards_accuracy"].item(), 0.5)

    def test_beta_scales_the_log_ratio(self):
        args = (torch.tensor([-1.0]), torch.tensor([-3.0]), torch.tensor([-2.0]), torch.tensor([-2.0]))
        self.assertAlmostEqual(dpo_loss(*args, beta=0.5)["loss"].item(), -math.log(1 / (1 + math.exp(-1.0))), places=6)
        self.assertAlmostEqual(dpo_loss(*args, beta=0.0)["loss"].item(), math.log(2), places=6)

    def test_gradient_pushes_chosen_up_and_rejected_down(self):
        pc = torch.tensor([-5.0], requires_grad=True)
        pr = torch.tensor([-5.0], requires_grad=True)
        dpo_loss(pc, pr, torch.tensor([-5.0]), torch.tensor([-5.0]), 0.1)["loss"].backward()
        self.assertLess(pc.grad.item(), 0)
        self.assertGreater(pr.grad.item(), 0)


class SftLossTest(unittest.TestCase):
    def test_only_labelled_tokens_count(self):
        torch.manual_seed(0)
        logits = torch.randn(1, 5, 7)
        labels = torch.tensor([[IGNORE, IGNORE, 3, 4, IGNORE]])
        base = sft_loss(logits, labels).item()
        # Changing the prediction at a position whose target is masked changes nothing...
        changed = logits.clone()
        changed[0, 3] += 5.0  # position 3 predicts labels[4] (masked)
        self.assertAlmostEqual(sft_loss(changed, labels).item(), base, places=6)
        # ...while a labelled target's prediction does.
        changed = logits.clone()
        changed[0, 1, 3] += 5.0  # position 1 predicts labels[2] = 3
        self.assertLess(sft_loss(changed, labels).item(), base)

    def test_value_is_the_mean_token_cross_entropy(self):
        logits = torch.zeros(1, 3, 4)
        logits[0, 0, 2] = math.log(3.0)  # p(2) = 3/6 = 0.5
        labels = torch.tensor([[IGNORE, 2, 1]])  # targets: 2 from pos 0 (p=.5), 1 from pos 1 (p=.25)
        self.assertAlmostEqual(sft_loss(logits, labels).item(), (-math.log(0.5) - math.log(0.25)) / 2, places=5)

    def test_sequence_logps_sum_response_tokens(self):
        logits = torch.zeros(2, 3, 4)  # uniform: log p = log 1/4 for every token
        labels = torch.tensor([[IGNORE, 1, 2], [IGNORE, IGNORE, 3]])
        got = sequence_logps(logits, labels)
        self.assertAlmostEqual(got[0].item(), 2 * math.log(0.25), places=5)
        self.assertAlmostEqual(got[1].item(), math.log(0.25), places=5)


if __name__ == "__main__":
    unittest.main()
