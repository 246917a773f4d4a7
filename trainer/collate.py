"""Batches of packed sequences as padded tensors (right padding; padding has segment 0 and no label)."""
from __future__ import annotations

from typing import Dict, List, Sequence

import torch

from trainer.data import IGNORE, PreferenceExample
from trainer.packing import Packed


def collate(seqs: Sequence[Packed], pad_id: int) -> Dict[str, torch.Tensor]:
    width = max(len(s.input_ids) for s in seqs)

    def padded(rows: List[List[int]], fill: int) -> torch.Tensor:
        return torch.tensor([r + [fill] * (width - len(r)) for r in rows], dtype=torch.long)

    segment_ids = padded([s.segment_ids for s in seqs], 0)
    return {
        "input_ids": padded([s.input_ids for s in seqs], pad_id),
        "labels": padded([s.labels for s in seqs], IGNORE),
        "position_ids": padded([s.position_ids for s in seqs], 0),
        "segment_ids": segment_ids,
        "attention_mask": (segment_ids > 0).long(),
    }


def preference_sequences(examples: Sequence[PreferenceExample]) -> List[Packed]:
    """Chosen sequences first, then rejected ones (one forward pass for both); labels cover only the response."""
    out = []
    for side in ("chosen_ids", "rejected_ids"):
        for ex in examples:
            resp = getattr(ex, side)
            ids = ex.prompt_ids + resp
            labels = [IGNORE] * len(ex.prompt_ids) + list(resp)
            out.append(Packed(ids, labels, list(range(len(ids))), [1] * len(ids)))
    return out


def collate_preferences(examples: Sequence[PreferenceExample], pad_id: int) -> Dict[str, torch.Tensor]:
    return collate(preference_sequences(examples), pad_id)
