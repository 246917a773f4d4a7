"""Losses: next-token cross-entropy on labelled tokens (SFT) and the standard DPO loss."""
from __future__ import annotations

from typing import Dict

import torch
import torch.nn.functional as F

from trainer.data import IGNORE


def shifted(logits: torch.Tensor, labels: torch.Tensor):
    """Position t predicts token t+1."""
    return logits[:, :-1, :], labels[:, 1:]


def sft_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy over labelled (response) tokens only."""
    lg, lb = shifted(logits, labels)
    return F.cross_entropy(lg.reshape(-1, lg.size(-1)).float(), lb.reshape(-1), ignore_index=IGNORE)


def sft_loss_sum(logits: torch.Tensor, labels: torch.Tensor):
    """(sum of token losses, number of labelled tokens): for exact means across accumulation steps."""
    lg, lb = shifted(logits, labels)
    total = F.cross_entropy(lg.reshape(-1, lg.size(-1)).float(), lb.reshape(-1), ignore_index=IGNORE, reduction="sum")
    return total, int((lb != IGNORE).sum())


def sequence_logps(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Sum of log p(token) over each sequence's labelled tokens: log π(y|x) per row."""
    lg, lb = shifted(logits, labels)
    mask = lb != IGNORE
    logp = torch.log_softmax(lg.float(), dim=-1)
    picked = torch.gather(logp, 2, lb.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return (picked * mask).sum(-1)


def dpo_loss(policy_chosen: torch.Tensor, policy_rejected: torch.Tensor,
             ref_chosen: torch.Tensor, ref_rejected: torch.Tensor, beta: float) -> Dict[str, torch.Tensor]:
    """-log σ(β[(log πθ(y+|x) − log πref(y+|x)) − (log πθ(y−|x) − log πref(y−|x))]), averaged over pairs."""
    chosen_rewards = beta * (policy_chosen - ref_chosen)
    rejected_rewards = beta * (policy_rejected - ref_rejected)
    logits = chosen_rewards - rejected_rewards
    return {
        "loss": -F.logsigmoid(logits).mean(),
        "rewards_chosen": chosen_rewards.detach().mean(),
        "rewards_rejected": rejected_rewards.detach().mean(),
        "rewards_margin": logits.detach().mean(),
        "rewards_accuracy": (chosen_rewards > rejected_rewards).float().detach().mean(),
    }
