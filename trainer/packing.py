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


def pack(examples: Sequence[Example], max_length: int) -> List[Packed]:
    """First-fit in order: a sample goes into the first open sequence with room for it."""
    bins: List[Packed] = []
    for ex in examples:
        ids, labels = ex.input_ids[:max_length], ex.labels[:max_length]
        if not ids:
            continue
        target = next((b for b in bins if len(b.input_ids) + len(ids) <= max_length), None)
        if target is None:
            target = Packed([], [], [], [])
            bins.append(target)
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
