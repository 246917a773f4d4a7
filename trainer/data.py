"""Reading the dataset (JSONL) and turning conversations into token ids with response-only labels."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Callable, List, Sequence, Tuple

IGNORE = -100

# render(messages, add_generation_prompt) -> text, as Hugging Face's apply_chat_template(tokenize=False).
Render = Callable[[List[dict], bool], str]
Encode = Callable[[str], List[int]]


@dataclass
class Example:
    input_ids: List[int]
    labels: List[int]


@dataclass
class PreferenceExample:
    prompt_ids: List[int]
    chosen_ids: List[int]
    rejected_ids: List[int]


def read_jsonl(path: str) -> List[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not valid JSON ({e.msg})") from None
    if not rows:
        raise ValueError(f"{path}: no records")
    return rows


def as_messages(row: dict, where: str) -> List[dict]:
    """Chat form {"messages": [...]}, or the common {"instruction"/"prompt", "output"/"response"} pair."""
    if "messages" in row:
        msgs = row["messages"]
        if not isinstance(msgs, list) or not all(isinstance(m, dict) and "role" in m and "content" in m for m in msgs):
            raise ValueError(f"{where}: messages must be a list of {{role, content}}")
        if not any(m["role"] == "assistant" for m in msgs):
            raise ValueError(f"{where}: no assistant message to learn from")
        return msgs
    q = row.get("instruction", row.get("prompt"))
    a = row.get("output", row.get("response", row.get("completion")))
    if isinstance(q, str) and isinstance(a, str):
        return [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    raise ValueError(f"{where}: expected 'messages' or an instruction/output pair")


def template_segments(render: Render, messages: List[dict]) -> List[Tuple[str, bool]]:
    """Splits the rendered conversation into (text, trainable) pieces: assistant turns are trainable,
    everything else (system, user, the assistant header the template adds) is context.
    Works with any template whose rendering of a prefix of the conversation is a prefix of the whole."""
    segments: List[Tuple[str, bool]] = []
    prev = ""
    for i, m in enumerate(messages):
        if m["role"] == "assistant":
            head = render(messages[:i], True)
            if not head.startswith(prev):
                raise ValueError("the chat template does not render conversations prefix-stably")
            segments.append((head[len(prev):], False))
            prev = head
        full = render(messages[: i + 1], False)
        if not full.startswith(prev):
            raise ValueError("the chat template does not render conversations prefix-stably")
        segments.append((full[len(prev):], m["role"] == "assistant"))
        prev = full
    return [(t, trainable) for t, trainable in segments if t]


def encode_chat(render: Render, encode: Encode, messages: List[dict], max_length: int) -> Example:
    ids: List[int] = []
    labels: List[int] = []
    for text, trainable in template_segments(render, messages):
        piece = encode(text)
        ids.extend(piece)
        labels.extend(piece if trainable else [IGNORE] * len(piece))
    return Example(ids[:max_length], labels[:max_length])


def encode_preference(render: Render, encode: Encode, row: dict, max_length: int, where: str) -> PreferenceExample:
    prompt = row.get("prompt")
    chosen, rejected = row.get("chosen"), row.get("rejected")
    if isinstance(prompt, str):
        prompt = [{"role": "user", "content": prompt}]
    if not isinstance(prompt, list) or not isinstance(chosen, str) or not isinstance(rejected, str):
        raise ValueError(f"{where}: DPO records need prompt (text or messages), chosen and rejected (text)")
    head = render(prompt, True)
    prompt_ids = encode(head)

    def response(text: str) -> List[int]:
        full = render(prompt + [{"role": "assistant", "content": text}], False)
        if not full.startswith(head):
            raise ValueError("the chat template does not render conversations prefix-stably")
        return encode(full[len(head):])

    c, r = response(chosen), response(rejected)
    # Keep the response whole where possible: truncate the prompt from the left first.
    room = max_length - max(len(c), len(r))
    if room < 1:
        prompt_ids = prompt_ids[-1:]
        c, r = c[: max_length - 1], r[: max_length - 1]
    else:
        prompt_ids = prompt_ids[-room:]
    return PreferenceExample(prompt_ids, c, r)


def split_eval(rows: Sequence, fraction: float, seed: int) -> Tuple[list, list]:
    """A deterministic held-out split; at least one eval row when fraction > 0 and there are 2+ rows."""
    rows = list(rows)
    n_eval = eval_count(len(rows), fraction)
    if n_eval == 0:
        return rows, []
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    held = set(order[:n_eval])
    return [r for i, r in enumerate(rows) if i not in held], [r for i, r in enumerate(rows) if i in held]


def eval_count(n_rows: int, fraction: float) -> int:
    """Rows held out for eval (mirrored in lib/training/schedule-plan.ts; Python rounds half to even)."""
    if fraction <= 0 or n_rows < 2:
        return 0
    return min(n_rows - 1, max(1, round(n_rows * fraction)))
