"""The optimizer-step plan and the learning-rate curve.

Batch sizes are counted in samples, as the paper's "global batch 1024" is: with packing a row holds
several samples, so the gradient accumulation is derived from how many samples the packed rows hold
on average. The plan (steps per epoch, total steps, warm-up share) is computed before training and
mirrored in TypeScript for the launch form (lib/training/schedule-plan.ts); the shared cases in
tests/test_schedule.py and lib/training/schedule-plan.test.ts must agree.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import List, Optional

# Warm-up longer than this share of the run is flagged before launch.
WARMUP_WARN_FRACTION = 0.2


def lr_multiplier(step: int, warmup_steps: int, total_steps: int, min_ratio: float = 0.0) -> float:
    """Linear warmup then cosine decay to min_ratio × peak, as a LambdaLR multiplier."""
    if warmup_steps > 0 and step < warmup_steps:
        return step / warmup_steps
    if total_steps <= warmup_steps:
        return 1.0
    progress = min(1.0, (step - warmup_steps) / (total_steps - warmup_steps))
    return min_ratio + (1.0 - min_ratio) * 0.5 * (1.0 + math.cos(math.pi * progress))


@dataclass
class Plan:
    samples: int  # training samples (after the eval split)
    rows: int  # sequences the trainer iterates (packed rows, or one per sample)
    micro: int
    world: int
    accumulation: int
    micro_per_epoch: int
    steps_per_epoch: int
    total_steps: int
    warmup_steps: int
    samples_per_step: float
    warnings: List[str] = field(default_factory=list)

    def as_record(self) -> dict:
        return {"type": "schedule", "samples": self.samples, "rows": self.rows, "accumulation": self.accumulation,
                "steps_per_epoch": self.steps_per_epoch, "total_steps": self.total_steps, "warmup_steps": self.warmup_steps,
                "samples_per_step": self.samples_per_step, "warnings": self.warnings}


def plan(samples: int, rows: int, global_batch: int, micro: int, world: int, epochs: float,
         max_steps: Optional[int], warmup_steps: int) -> Plan:
    """global_batch is in samples. accumulation = round(global_batch × rows/samples ÷ (micro × world)), at least 1."""
    samples, rows = max(1, samples), max(1, rows)
    rows_per_step = global_batch * rows / samples
    accumulation = max(1, round_half_even(rows_per_step / (micro * world)))
    micro_per_epoch = max(1, math.ceil(rows / (micro * world)))
    steps_per_epoch = max(1, math.ceil(micro_per_epoch / accumulation))
    total = max_steps or max(1, math.ceil(epochs * steps_per_epoch))
    per_step = accumulation * micro * world * samples / rows
    p = Plan(samples, rows, micro, world, accumulation, micro_per_epoch, steps_per_epoch, total, warmup_steps, per_step)
    p.warnings = warnings(p, global_batch)
    return p


def warnings(p: Plan, global_batch: int) -> List[str]:
    out = []
    if p.warmup_steps >= p.total_steps:
        out.append(f"warm-up ({p.warmup_steps} steps) is as long as the whole run ({p.total_steps} optimizer steps): "
                   "the learning rate never reaches its peak and never decays")
    elif p.warmup_steps > WARMUP_WARN_FRACTION * p.total_steps:
        out.append(f"warm-up ({p.warmup_steps} steps) is {100 * p.warmup_steps / p.total_steps:.0f}% of the run's "
                   f"{p.total_steps} optimizer steps (more than {100 * WARMUP_WARN_FRACTION:.0f}%)")
    if p.samples < global_batch:
        out.append(f"the dataset ({p.samples} training samples) is smaller than one global batch ({global_batch})")
    elif abs(p.samples_per_step - global_batch) > 0.25 * global_batch:
        out.append(f"about {p.samples_per_step:.0f} samples per optimizer step instead of {global_batch}: "
                   f"micro batch × processes ({p.micro} × {p.world}) does not divide the batch evenly")
    return out


def round_half_even(x: float) -> int:
    """Python's round(), spelled out so the TypeScript mirror can match it exactly."""
    return int(round(x))
