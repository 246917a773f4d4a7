"""Packed samples must not see each other: the logits and loss of a sample packed with others equal
those of the sample alone, on the native model (always) and on a Qwen2-architecture transformers
model with each attention implementation the trainer allows (where transformers is installed)."""
import importlib.util
import unittest

import torch

from trainer import attention
from trainer.collate import collate, collate_preferences
from trainer.data import IGNORE, Example, PreferenceExample
from trainer.losses import sft_loss_sum
from trainer.models import LoadedModel, choose_implementation, require_packing_support
from trainer.native_model import TINY, NativeCausalLM
from trainer.packing import pack

HAS_TRANSFORMERS = importlib.util.find_spec("transformers") is not None
HAS_FLASH = importlib.util.find_spec("flash_attn") is not None and torch.cuda.is_available()
NO_TRANSFORMERS = ("transformers is not importable here (Debian ships torch without it); "
                   "this test runs where `pip install transformers` has been done, e.g. the GPU machine")


def ex(n, start):
    ids = [(start + i) % 250 + 1 for i in range(n)]
    return Example(ids, list(ids))


def sample_loss(logits, labels):
    total, n = sft_loss_sum(logits, labels)
    return float(total) / n


class Fixture:
    """Three samples packed two to a row, and the middle one alone."""
    a, b, c = ex(7, 10), ex(5, 90), ex(6, 170)
    packed = collate(pack([a, b], 12) + pack([c], 12), pad_id=0)
    alone = collate(pack([b], 12), pad_id=0)
    # sample b sits at positions 7..11 of row 0
    where = (0, slice(7, 12))


class NativePackedTest(unittest.TestCase):
    def test_logits_and_loss_of_a_packed_sample_equal_the_sample_alone(self):
        torch.manual_seed(0)
        model = NativeCausalLM(TINY).eval()
        loaded = LoadedModel(model, None, None, 0, 0, 2, 64, native=True)
        f = Fixture
        with torch.no_grad():
            lp, la = loaded.logits(model, f.packed), loaded.logits(model, f.alone)
        self.assertTrue(torch.allclose(lp[f.where], la[0, :5], atol=1e-5))
        packed_labels = torch.full_like(f.packed["labels"], IGNORE)
        packed_labels[f.where] = f.packed["labels"][f.where]
        self.assertAlmostEqual(sample_loss(lp, packed_labels), sample_loss(la, f.alone["labels"]), places=5)


class MaskShapesTest(unittest.TestCase):
    def test_block_mask_lets_a_token_see_only_earlier_tokens_of_its_own_sample(self):
        seg = torch.tensor([[1, 1, 2, 2, 2, 0]])
        m = attention.block_causal_mask(seg, torch.float32)[0, 0]
        allowed = (m == 0).int().tolist()
        self.assertEqual(allowed, [
            [1, 0, 0, 0, 0, 0],
            [1, 1, 0, 0, 0, 0],
            [0, 0, 1, 0, 0, 0],
            [0, 0, 1, 1, 0, 0],
            [0, 0, 1, 1, 1, 0],
            [0, 0, 0, 0, 0, 1],  # padding sees itself only: the softmax stays finite
        ])
        self.assertEqual(m.min().item(), torch.finfo(torch.float32).min)

    def test_an_additive_block_mask_gives_each_sample_its_own_attention(self):
        torch.manual_seed(1)
        seg = torch.tensor([[1, 1, 1, 2, 2]])
        q, k, v = (torch.randn(1, 2, 5, 8) for _ in range(3))
        scores = q @ k.transpose(-1, -2) / 8 ** 0.5 + attention.block_causal_mask(seg, torch.float32)
        out = torch.softmax(scores, -1) @ v
        causal = torch.ones(2, 2, dtype=torch.bool).tril()
        alone = torch.softmax((q[..., 3:, :] @ k[..., 3:, :].transpose(-1, -2) / 8 ** 0.5).masked_fill(~causal, float("-inf")), -1) @ v[..., 3:, :]
        self.assertTrue(torch.allclose(out[..., 3:, :], alone, atol=1e-6))

    def test_flattening_drops_padding_and_unflattening_restores_the_batch_shape(self):
        f = Fixture
        flat = attention.flatten(f.packed)
        self.assertEqual(flat["input_ids"].shape, (1, 18))
        self.assertEqual(flat["position_ids"][0].tolist(), list(range(7)) + list(range(5)) + list(range(6)))
        self.assertNotIn("attention_mask", attention.hf_inputs(f.packed, attention.VARLEN, torch.float32))
        logits = torch.arange(18.0).view(1, 18, 1)
        back = attention.unflatten_logits(logits, f.packed)
        self.assertEqual(back.shape, (2, 12, 1))
        self.assertEqual(back[1, :6, 0].tolist(), [12.0, 13.0, 14.0, 15.0, 16.0, 17.0])
        self.assertEqual(back[1, 6:, 0].tolist(), [0.0] * 6)

    def test_implementations_that_cannot_isolate_samples_refuse_packing(self):
        self.assertEqual(attention.packing_mode("flash_attention_2", True), attention.VARLEN)
        self.assertEqual(attention.packing_mode("sdpa", True), attention.BLOCK_MASK)
        self.assertEqual(attention.packing_mode("eager", True), attention.BLOCK_MASK)
        self.assertEqual(attention.packing_mode("flex_attention", False), attention.PADDING_ONLY)
        with self.assertRaisesRegex(attention.PackingRefused, "flex_attention.*cannot keep packed samples apart"):
            attention.packing_mode("flex_attention", True)
        with self.assertRaisesRegex(attention.PackingRefused, "transformers >= 4.45"):
            require_packing_support("4.41.2")
        require_packing_support("4.57.1")
        self.assertEqual(choose_implementation("auto", True), "flash_attention_2")
        self.assertEqual(choose_implementation("auto", False), "sdpa")
        with self.assertRaisesRegex(ValueError, "flash-attn"):
            choose_implementation("flash_attention_2", False)


def tiny_qwen2(implementation):
    from transformers import Qwen2Config, Qwen2ForCausalLM
    torch.manual_seed(0)
    conf = Qwen2Config(vocab_size=256, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                       num_key_value_heads=2, max_position_embeddings=128, tie_word_embeddings=True)
    dtype = torch.bfloat16 if implementation == "flash_attention_2" else torch.float32
    device = "cuda" if implementation == "flash_attention_2" else "cpu"
    model = Qwen2ForCausalLM._from_config(conf, attn_implementation=implementation, torch_dtype=dtype).to(device).eval()
    return model, dtype, device


@unittest.skipUnless(HAS_TRANSFORMERS, NO_TRANSFORMERS)
class TransformersPackedTest(unittest.TestCase):
    def check(self, implementation, atol):
        import transformers
        require_packing_support(transformers.__version__)
        model, dtype, device = tiny_qwen2(implementation)
        mode = attention.packing_mode(implementation, True)
        loaded = LoadedModel(model, None, None, 0, 0, 2, 64, native=False, implementation=implementation, packing_mode=mode, mask_dtype=dtype)
        f = Fixture
        packed = {k: v.to(device) for k, v in f.packed.items()}
        alone = {k: v.to(device) for k, v in f.alone.items()}
        with torch.no_grad():
            lp, la = loaded.logits(model, packed).float(), loaded.logits(model, alone).float()
        self.assertTrue(torch.allclose(lp[f.where], la[0, :5], atol=atol), (lp[f.where] - la[0, :5]).abs().max())
        packed_labels = torch.full_like(packed["labels"], IGNORE)
        packed_labels[f.where] = packed["labels"][f.where]
        self.assertAlmostEqual(sample_loss(lp, packed_labels), sample_loss(la, alone["labels"]), delta=atol)
        # and the plain 2-D mask the trainer used to pass does leak: the check above can fail
        with torch.no_grad():
            leaky = model(input_ids=packed["input_ids"], attention_mask=packed["attention_mask"],
                          position_ids=packed["position_ids"], use_cache=False).logits.float()
        if implementation != "flash_attention_2":
            self.assertFalse(torch.allclose(leaky[f.where], la[0, :5], atol=atol))

    def test_sdpa_block_mask(self):
        self.check("sdpa", 1e-4)

    def test_eager_block_mask(self):
        self.check("eager", 1e-4)

    @unittest.skipUnless(HAS_FLASH, "flash-attn and a CUDA GPU are needed for the varlen path")
    def test_flash_attention_2_varlen(self):
        self.check("flash_attention_2", 2e-2)

    def test_preference_batches_keep_chosen_and_rejected_apart(self):
        model, dtype, _ = tiny_qwen2("sdpa")
        loaded = LoadedModel(model, None, None, 0, 0, 2, 64, native=False, implementation="sdpa",
                             packing_mode=attention.BLOCK_MASK, mask_dtype=dtype)
        p = PreferenceExample([5, 6, 7], [8, 9, 10, 11], [12])
        both = collate_preferences([p], pad_id=0)
        chosen_alone = collate([pack([Example([5, 6, 7, 8, 9, 10, 11], [5, 6, 7, 8, 9, 10, 11])], 16)[0]], pad_id=0)
        with torch.no_grad():
            lb, lc = loaded.logits(model, both), loaded.logits(model, chosen_alone)
        self.assertTrue(torch.allclose(lb[0], lc[0], atol=1e-4))


if __name__ == "__main__":
    unittest.main()
