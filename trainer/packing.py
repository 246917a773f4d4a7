"""Packing short samples into sequences of at most max_length tokens.

Samples are never split across sequences. Each packed sequence keeps, per token, the index of
its sample (segment ids, 1-based) and positions that restart at 0 for every sample, so that
attention and rotary positions can stay inside a sample. The first token of every sample gets
no label: it would otherwise be "predicted" from the previous sample's last token.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Sequence

from trainer.data import IGNORE, Example


@dataclass
class Packed:
    input_ids: List[int]
    labels: List[int]
    position_ids: List[int]
    segment_ids: List[int]

    @property
    def n_samples(self) -> int:
        return max(self.segment_ids) if self.segment_ids else 0


class _FirstFit:
    """The first bin with at least `need` room, in O(log n): a max-tree over the bins' free room
    (the plain scan over all open bins is quadratic: minutes for a 100k-sample dataset)."""

    def __init__(self, capacity: int, max_bins: int):
        self.capacity, self.size = capacity, 1
        while self.size < max(1, max_bins):
            self.size *= 2
        self.room = [capacity] * (2 * self.size)  # unopened bins count as empty ones

    def first(self, need: int) -> int:
        node = 1
        while node < self.size:
            node = 2 * node if self.room[2 * node] >= need else 2 * node + 1
        return node - self.size

    def take(self, i: int, used: int) -> None:
        node = i + self.size
        self.room[node] -= used
        node //= 2
        while node:
            self.room[node] = max(self.room[2 * node], self.room[2 * node + 1])
            node //= 2


def pack(examples: Sequence[Example], max_length: int) -> List[Packed]:
    """First-fit in order: a sample goes into the first open sequence with room for it."""
    bins: List[Packed] = []
    fit = _FirstFit(max_length, len(examples))
    for ex in examples:
        ids, labels = ex.input_ids[:max_length], ex.labels[:max_length]
        if not ids:
            continue
        i = fit.first(len(ids))  # bins are opened in order, so this is an open bin or the next new one
        fit.take(i, len(ids))
        if i == len(bins):
            bins.append(Packed([], [], [], []))
        target = bins[i]
        seg = target.n_samples + 1
        target.input_ids.extend(ids)
        target.labels.extend([IGNORE] + list(labels[1:]))
        target.position_ids.extend(range(len(ids)))
        target.segment_ids.extend([seg] * len(ids))
    return bins


def unpacked(examples: Sequence[Example], max_length: int) -> List[Packed]:
    """One sample per sequence (packing off), in the same shape."""
    out = []
    for ex in examples:
        ids = ex.input_ids[:max_length]
        if ids:
            out.append(Packed(list(ids), [IGNORE] + list(ex.labels[1:max_length]), list(range(len(ids))), [1] * len(ids)))
    return out
