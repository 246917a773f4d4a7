"""Writes the small demo datasets beside this file (chat SFT and prompt/chosen/rejected DPO) used by
the CPU end-to-end tests and the dashboard's demo. Deterministic: re-running gives the same files."""
import json
import os
import random

LANGS = {
    "python": ("def add_{n}(x):\n    return x + {n}\n", "def add_{n}(x):\n    return x - {n}\n"),
    "javascript": ("function add{n}(x) {{\n  return x + {n};\n}}\n", "function add{n}(x) {{\n  return x * {n};\n}}\n"),
    "bash": ("add_{n}() {{ echo $(( $1 + {n} )); }}\n", "add_{n}() {{ echo $1; }}\n"),
}


def rows(seed=7, n=48):
    rng = random.Random(seed)
    for i in range(n):
        lang = list(LANGS)[i % len(LANGS)]
        k = rng.randint(1, 9)
        good, bad = (t.format(n=k) for t in LANGS[lang])
        yield lang, k, f"Write a {lang} function that adds {k} to its argument.", good, bad


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "tiny-sft.jsonl"), "w") as f:
        for lang, k, q, good, _ in rows():
            f.write(json.dumps({"messages": [
                {"role": "system", "content": f"You write {lang}."},
                {"role": "user", "content": q},
                {"role": "assistant", "content": good},
            ]}) + "\n")
    # Eval answers the training pushes away from (the code reversed, in capitals): the eval loss soon
    # stops falling, which the early-stopping tests and demo rely on.
    with open(os.path.join(here, "tiny-sft-conflicting-eval.jsonl"), "w") as f:
        for lang, k, q, good, _ in list(rows())[:8]:
            f.write(json.dumps({"messages": [
                {"role": "system", "content": f"You write {lang}."},
                {"role": "user", "content": q},
                {"role": "assistant", "content": good[::-1].upper() * 2},
            ]}) + "\n")
    with open(os.path.join(here, "tiny-dpo.jsonl"), "w") as f:
        for lang, k, q, good, bad in rows(seed=11, n=32):
            f.write(json.dumps({"prompt": q, "chosen": good, "rejected": bad}) + "\n")


if __name__ == "__main__":
    main()
