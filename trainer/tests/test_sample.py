"""`python -m trainer sample` on the tiny CPU model: N answers per query, prompted in the chat format
the SFT data was trained in, resumable, greedy when the temperature is 0."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

from trainer.native_model import ByteTokenizer
from trainer.tests.support import EXAMPLES, ROOT


def sft_queries(path, k):
    """The user turns of the SFT demo data, as the app writes them (same messages the SFT export has)."""
    with open(os.path.join(EXAMPLES, "tiny-sft.jsonl")) as src, open(path, "w") as out:
        for i, line in enumerate(list(src)[:k]):
            out.write(json.dumps({"id": f"q{i}", "messages": json.loads(line)["messages"][:-1]}) + "\n")
    return path


def sample(cfg_path, **cfg):
    with open(cfg_path, "w") as f:
        json.dump(cfg, f)
    return subprocess.run([sys.executable, "-m", "trainer", "sample", "--config", cfg_path], cwd=ROOT, capture_output=True, text=True, timeout=180)


def read(path):
    with open(path) as f:
        return [json.loads(l) for l in f]


class SampleTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.queries = sft_queries(os.path.join(self.dir, "q.jsonl"), 3)
        self.out = os.path.join(self.dir, "answers.jsonl")
        self.cfg = os.path.join(self.dir, "sample.json")

    def test_n_answers_per_query_and_a_rerun_skips_finished_queries(self):
        r = sample(self.cfg, model="tiny-test", queries=self.queries, output=self.out, n=4, temperature=1.0, max_new_tokens=12, batch_size=2)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        rows = read(self.out)
        self.assertEqual([x["id"] for x in rows], ["q0", "q1", "q2"])
        self.assertTrue(all(len(x["answers"]) == 4 for x in rows))
        self.assertGreater(len({a for x in rows for a in x["answers"]}), 3)  # sampled, not one answer repeated
        self.assertIn('"answers": 12', r.stdout)
        again = sample(self.cfg, model="tiny-test", queries=self.queries, output=self.out, n=4, temperature=1.0, max_new_tokens=12)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn('"skipped": 3', again.stdout)
        self.assertEqual(len(read(self.out)), 3)

    def test_temperature_zero_is_greedy(self):
        r = sample(self.cfg, model="tiny-test", queries=self.queries, output=self.out, n=3, temperature=0, max_new_tokens=8)
        self.assertEqual(r.returncode, 0, r.stderr)
        for x in read(self.out):
            self.assertEqual(len(set(x["answers"])), 1)

    def test_the_prompt_is_the_sft_chat_format_up_to_the_answer(self):
        # what the trainer learned from: the whole conversation; what the sampler sends: its prefix
        # up to the assistant header, rendered by the same template
        with open(os.path.join(EXAMPLES, "tiny-sft.jsonl")) as f:
            msgs = json.loads(f.readline())["messages"]
        tok = ByteTokenizer()
        trained = tok.render(msgs, False)
        prompt = tok.render(msgs[:-1], True)
        self.assertTrue(trained.startswith(prompt))
        self.assertEqual(trained[len(prompt):], msgs[-1]["content"] + "<|im_end|>\n")

    def test_bad_queries_fail_with_the_line(self):
        bad = os.path.join(self.dir, "bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"id": "a", "messages": []}\n')
        r = sample(self.cfg, model="tiny-test", queries=bad, output=self.out)
        self.assertEqual(r.returncode, 1)
        self.assertIn("bad.jsonl:1: each query needs an id and a non-empty messages list", r.stderr)


if __name__ == "__main__":
    unittest.main()
