"""Forward passes that turn micro-batches into losses (SFT) or DPO terms, and DPO's reference
log-probs computed once before training so the reference model need not stay in memory."""
from __future__ import annotations

import os
from typing import Dict, List

import torch

from trainer.collate import collate, collate_preferences
from trainer.data import IGNORE
from trainer.distributed import Dist
from trainer.losses import dpo_loss, sequence_logps, sft_loss_sum


def to_device(batch: Dict[str, torch.Tensor], device) -> Dict[str, torch.Tensor]:
    return {k: v.to(device, non_blocking=True) for k, v in batch.items()}


def autocast(device, enabled: bool):
    if enabled and device.type == "cuda":
        return torch.autocast("cuda", dtype=torch.bfloat16)
    import contextlib
    return contextlib.nullcontext()


def label_tokens(items, idx: List[int]) -> int:
    """Labelled tokens in an SFT micro-batch (the denominator of the token-mean loss)."""
    return sum(sum(1 for t in items[i].labels[1:] if t != IGNORE) for i in idx)


def sft_micro(loaded, model, items, idx, d: Dist, bf16: bool):
    batch = to_device(collate([items[i] for i in idx], loaded.pad_id), d.device)
    with autocast(d.device, bf16):
        logits = loaded.logits(model, batch)
    total, n = sft_loss_sum(logits, batch["labels"])
    return total, n, int(batch["attention_mask"].sum())


def dpo_micro(loaded, model, items, idx, ref: torch.Tensor, beta: float, d: Dist, bf16: bool):
    batch = to_device(collate_preferences([items[i] for i in idx], loaded.pad_id), d.device)
    with autocast(d.device, bf16):
        logits = loaded.logits(model, batch)
    logps = sequence_logps(logits, batch["labels"])
    n = len(idx)
    r = ref[torch.tensor(idx)].to(d.device)
    out = dpo_loss(logps[:n], logps[n:], r[:, 0], r[:, 1], beta)
    return out, int(batch["attention_mask"].sum())


@torch.no_grad()
def reference_logps(loaded, model, items, micro: int, d: Dist, bf16: bool, progress=None) -> torch.Tensor:
    """(n, 2) tensor of log πref(chosen|x), log πref(rejected|x); each rank computes a share.
    `progress(done, total)` is called with this rank's pairs done, about every 5 %."""
    out = torch.zeros(len(items), 2, dtype=torch.float64, device=d.device)
    mine = [i for i in range(len(items)) if i % d.world == d.rank]
    was_training = model.training
    model.eval()
    every = max(micro, (len(mine) // 20 // micro) * micro)
    for s in range(0, len(mine), micro):
        idx = mine[s:s + micro]
        if progress and s % every == 0:
            progress(s, len(mine))
        batch = to_device(collate_preferences([items[i] for i in idx], loaded.pad_id), d.device)
        with autocast(d.device, bf16):
            logps = sequence_logps(loaded.logits(model, batch), batch["labels"]).double()
        out[idx, 0] = logps[:len(idx)]
        out[idx, 1] = logps[len(idx):]
    if d.world > 1:
        torch.distributed.all_reduce(out)
    model.train(was_training)
    return out.float().cpu()


def cached_reference(path: str, compute) -> torch.Tensor:
    if os.path.isfile(path):
        return torch.load(path)
    ref = compute()
    torch.save(ref, path)
    return ref


@torch.no_grad()
def evaluate(cfg, loaded, model, items, ref, d: Dist) -> Dict[str, float]:
    if not items:
        return {}
    model.eval()
    mine = [i for i in range(len(items)) if i % d.world == d.rank]
    sums = {"loss": 0.0, "n": 0.0, "acc": 0.0, "margin": 0.0}
    for s in range(0, len(mine), cfg.micro_batch_size):
        idx = mine[s:s + cfg.micro_batch_size]
        if cfg.kind == "dpo":
            out, _ = dpo_micro(loaded, model, items, idx, ref, cfg.beta, d, cfg.bf16)
            sums["loss"] += float(out["loss"]) * len(idx)
            sums["acc"] += float(out["rewards_accuracy"]) * len(idx)
            sums["margin"] += float(out["rewards_margin"]) * len(idx)
            sums["n"] += len(idx)
        else:
            total, n, _ = sft_micro(loaded, model, items, idx, d, cfg.bf16)
            sums["loss"] += float(total)
            sums["n"] += n
    model.train()
    totals = {k: d.all_sum(v) for k, v in sums.items()}
    n = max(totals["n"], 1.0)
    result = {"eval_loss": totals["loss"] / n}
    if cfg.kind == "dpo":
        result.update(eval_rewards_accuracy=totals["acc"] / n, eval_rewards_margin=totals["margin"] / n)
    return result
