"""From the dataset file to training items: packed sequences (SFT) or preference pairs (DPO),
split into train and held-out eval, and the deterministic order of micro-batches."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import List

from trainer.config import JobConfig
from trainer.data import as_messages, encode_chat, encode_preference, read_jsonl, split_eval
from trainer.packing import pack, unpacked
from trainer.schedule import Plan, plan


@dataclass
class Prepared:
    train: list
    eval: list
    train_samples: int = 0  # samples behind the train items (several per packed row)


def prepare(cfg: JobConfig, render, encode) -> Prepared:
    rows = read_jsonl(cfg.dataset)
    if cfg.eval_dataset:
        train_rows, eval_rows = rows, read_jsonl(cfg.eval_dataset)
    else:
        train_rows, eval_rows = split_eval(rows, cfg.eval_fraction, cfg.seed)
    if cfg.kind == "dpo":
        def enc(rs, name):
            return [encode_preference(render, encode, r, cfg.max_length, f"{name} record {i + 1}") for i, r in enumerate(rs)]
        train = enc(train_rows, cfg.dataset)
        return Prepared(train, enc(eval_rows, "eval"), len(train))

    def seqs(rs, name):
        examples = [encode_chat(render, encode, as_messages(r, f"{name} record {i + 1}"), cfg.max_length) for i, r in enumerate(rs)]
        return pack(examples, cfg.max_length) if cfg.packing else unpacked(examples, cfg.max_length)
    train = seqs(train_rows, cfg.dataset)
    return Prepared(train, seqs(eval_rows, "eval"), sum(s.n_samples for s in train))


@dataclass
class Schedule:
    """Micro-batch k of the whole run (across epochs) is fixed by the seed, so resuming at an
    optimizer step needs no saved data position."""
    n_items: int
    micro: int
    world: int
    accum: int
    seed: int

    @property
    def micro_per_epoch(self) -> int:
        return max(1, math.ceil(self.n_items / (self.micro * self.world)))

    @property
    def steps_per_epoch(self) -> int:
        return max(1, math.ceil(self.micro_per_epoch / self.accum))

    def order(self, epoch: int) -> List[int]:
        idx = list(range(self.n_items))
        random.Random(self.seed * 1_000_003 + epoch).shuffle(idx)
        return idx

    def micro_batch(self, k: int, rank: int) -> List[int]:
        epoch, within = divmod(k, self.micro_per_epoch)
        start = (within * self.world + rank) * self.micro
        order = self.order(epoch)
        # The last micro-batch of an epoch wraps around, so every rank always has a full one
        # (ranks must run the same number of forward passes).
        return [order[(start + j) % self.n_items] for j in range(self.micro)] if self.n_items else []

    def epoch_of_step(self, step: int) -> float:
        return step * self.accum / self.micro_per_epoch


def step_plan(cfg: JobConfig, n_items: int, world: int, n_samples: int = None) -> Plan:
    """n_items: rows the loop iterates; n_samples: the samples in them (the global batch counts samples)."""
    return plan(n_samples or n_items, n_items, cfg.global_batch_size, cfg.micro_batch_size, world, cfg.epochs,
                cfg.max_steps, cfg.warmup_steps)


def make_schedule(cfg: JobConfig, n_items: int, world: int, n_samples: int = None) -> Schedule:
    return Schedule(n_items, cfg.micro_batch_size, world, step_plan(cfg, n_items, world, n_samples).accumulation, cfg.seed)


def total_steps(cfg: JobConfig, sched: Schedule) -> int:
    return cfg.max_steps or max(1, math.ceil(cfg.epochs * sched.steps_per_epoch))
