"""How a packed batch keeps every sample to itself on each attention implementation.

transformers keeps packed samples apart only in two shapes (see models.py for the versions read):
- flash-attention 2 "varlen": one row per batch, no 2-D attention mask, position ids restarting at 0
  for every sample; transformers derives the sample boundaries (cu_seqlens) from the position ids
  (`_is_packed_sequence` needs batch size 1, as `DataCollatorWithFlattening` produces).
- SDPA and eager: a prepared 4-D mask (batch, 1, query, key) is used as given (masking_utils returns
  any 4-D mask as-is); an additive float mask (0 = attend, dtype minimum = blocked) means the same
  to both.
Anything else (flex attention, a custom kernel) cannot be told where samples end: packing is refused.
"""
from __future__ import annotations

from typing import Dict

import torch

VARLEN, BLOCK_MASK, SEGMENTS, PADDING_ONLY = "varlen", "block_mask", "segments", "padding_only"
ISOLATING = {"flash_attention_2": VARLEN, "sdpa": BLOCK_MASK, "eager": BLOCK_MASK}


class PackingRefused(ValueError):
    pass


def packing_mode(implementation: str, packing: bool) -> str:
    """The way samples are kept apart for an attention implementation, or PackingRefused."""
    if not packing:
        return PADDING_ONLY
    mode = ISOLATING.get(implementation)
    if mode is None:
        raise PackingRefused(
            f"packing is on but attention implementation {implementation!r} cannot keep packed samples apart "
            "(supported: flash_attention_2, sdpa, eager); set packing to false or choose one of those")
    return mode


def describe(implementation: str, mode: str) -> str:
    return {
        VARLEN: f"{implementation}: packed rows flattened into one sequence per micro-batch, samples separated by restarting position ids (varlen)",
        BLOCK_MASK: f"{implementation}: a 4-D block-diagonal causal mask keeps each packed sample to itself",
        SEGMENTS: "native model: attention masked by segment ids",
        PADDING_ONLY: f"{implementation}: packing off, one sample per row (padding mask only)",
    }[mode]


def block_causal_mask(segment_ids: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """(b, s) segment ids -> (b, 1, s, s) additive mask: a token sees earlier tokens of its own sample.
    Padding (segment 0) sees earlier padding only, which keeps every softmax row finite."""
    s = segment_ids.size(1)
    causal = torch.ones(s, s, dtype=torch.bool, device=segment_ids.device).tril()
    allowed = causal & (segment_ids.unsqueeze(-1) == segment_ids.unsqueeze(-2))
    mask = torch.zeros(allowed.shape, dtype=dtype, device=segment_ids.device)
    mask.masked_fill_(~allowed, torch.finfo(dtype).min)
    return mask.unsqueeze(1)


def flatten(batch: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
    """All real tokens of a padded batch as one row (padding dropped), as flash-attention varlen wants."""
    keep = batch["segment_ids"] > 0
    return {k: v[keep].unsqueeze(0) for k, v in batch.items() if k != "attention_mask"}


def hf_inputs(batch: Dict[str, torch.Tensor], mode: str, dtype: torch.dtype) -> Dict[str, torch.Tensor]:
    """The keyword arguments a Hugging Face causal LM gets for a collated batch in this mode."""
    if mode == VARLEN:
        flat = flatten(batch)
        return {"input_ids": flat["input_ids"], "position_ids": flat["position_ids"]}
    if mode == BLOCK_MASK:
        return {"input_ids": batch["input_ids"], "position_ids": batch["position_ids"],
                "attention_mask": block_causal_mask(batch["segment_ids"], dtype)}
    return {"input_ids": batch["input_ids"], "position_ids": batch["position_ids"], "attention_mask": batch["attention_mask"]}


def unflatten_logits(logits: torch.Tensor, batch: Dict[str, torch.Tensor]) -> torch.Tensor:
    """Varlen logits (1, n, v) back into the padded batch shape (b, s, v) so losses stay the same code."""
    keep = batch["segment_ids"] > 0
    out = logits.new_zeros(*keep.shape, logits.size(-1))
    out[keep] = logits[0]
    return out
