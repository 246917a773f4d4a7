import json
import os
import tempfile
import unittest

from trainer.data import IGNORE, as_messages, encode_chat, encode_preference, read_jsonl, split_eval, template_segments
from trainer.native_model import ByteTokenizer

tok = ByteTokenizer()
CONVO = [
    {"role": "system", "content": "S"},
    {"role": "user", "content": "Q1"},
    {"role": "assistant", "content": "A1"},
    {"role": "user", "content": "Q2"},
    {"role": "assistant", "content": "A2"},
]


class MaskingTest(unittest.TestCase):
    def test_only_assistant_turns_are_trainable(self):
        ex = encode_chat(tok.render, tok.encode, CONVO, 4096)
        self.assertEqual(len(ex.input_ids), len(ex.labels))
        self.assertEqual(tok.decode(ex.input_ids), tok.render(CONVO, False))
        trained = tok.decode([t for t in ex.labels if t != IGNORE])
        # Both answers, each with the end-of-turn token the model must learn to emit; no prompt text.
        self.assertEqual(trained, "A1<|im_end|>\nA2<|im_end|>\n")
        for i, (t, lab) in enumerate(zip(ex.input_ids, ex.labels)):
            self.assertIn(lab, (IGNORE, t), f"label at {i} must be the token itself or ignored")

    def test_segments_follow_the_template(self):
        segs = template_segments(tok.render, CONVO[:3])
        self.assertEqual(segs[-2], ("<|im_start|>assistant\n", False))
        self.assertEqual(segs[-1], ("A1<|im_end|>\n", True))

    def test_a_template_that_is_not_prefix_stable_is_refused(self):
        def render(msgs, gen):
            return f"{len(msgs)}:" + "".join(m["content"] for m in msgs)
        with self.assertRaises(ValueError):
            template_segments(render, CONVO)

    def test_truncation_keeps_labels_aligned(self):
        ex = encode_chat(tok.render, tok.encode, CONVO, 20)
        self.assertEqual(len(ex.input_ids), 20)
        self.assertEqual(len(ex.labels), 20)


class RecordFormsTest(unittest.TestCase):
    def test_instruction_output_pairs_become_a_conversation(self):
        self.assertEqual(as_messages({"instruction": "q", "output": "a"}, "r1"),
                         [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}])

    def test_records_without_an_answer_are_errors_naming_the_record(self):
        with self.assertRaisesRegex(ValueError, "r7"):
            as_messages({"messages": [{"role": "user", "content": "q"}]}, "r7")

    def test_bad_json_line_is_reported_with_its_line_number(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write(json.dumps({"instruction": "q", "output": "a"}) + "\n{oops\n")
        try:
            with self.assertRaisesRegex(ValueError, r":2: not valid JSON"):
                read_jsonl(f.name)
        finally:
            os.unlink(f.name)

    def test_preference_pair_labels_cover_the_response(self):
        ex = encode_preference(tok.render, tok.encode, {"prompt": "Q", "chosen": "good", "rejected": "bad"}, 512, "r")
        self.assertEqual(tok.decode(ex.prompt_ids), "<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n")
        self.assertEqual(tok.decode(ex.chosen_ids), "good<|im_end|>\n")
        self.assertEqual(tok.decode(ex.rejected_ids), "bad<|im_end|>\n")

    def test_long_prompts_are_cut_from_the_left(self):
        ex = encode_preference(tok.render, tok.encode, {"prompt": "x" * 100, "chosen": "g", "rejected": "b"}, 40, "r")
        self.assertLessEqual(len(ex.prompt_ids) + len(ex.chosen_ids), 40)
        self.assertEqual(tok.decode(ex.prompt_ids)[-len("assistant\n"):], "assistant\n")

    def test_eval_split_is_deterministic_and_disjoint(self):
        rows = list(range(100))
        a1, e1 = split_eval(rows, 0.1, 42)
        a2, e2 = split_eval(rows, 0.1, 42)
        self.assertEqual((a1, e1), (a2, e2))
        self.assertEqual(len(e1), 10)
        self.assertEqual(sorted(a1 + e1), rows)


if __name__ == "__main__":
    unittest.main()
