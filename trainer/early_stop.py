"""Early stopping on eval loss: stop after `patience` evaluations in a row without an improvement of
more than `min_delta` over the best so far. Pure; the loop keeps the best weights on disk."""
from __future__ import annotations

import math
from typing import Optional, Tuple


class EarlyStopper:
    def __init__(self, patience: int, min_delta: float = 0.0):
        self.patience, self.min_delta = patience, min_delta
        self.best = math.inf
        self.best_step: Optional[int] = None
        self.bad = 0

    @property
    def enabled(self) -> bool:
        return self.patience > 0

    def update(self, step: int, eval_loss: float) -> Tuple[bool, bool]:
        """(this evaluation is the new best, training should stop now)."""
        if not math.isfinite(eval_loss):
            self.bad += 1
            return False, self.enabled and self.bad >= self.patience
        if eval_loss < self.best - self.min_delta:
            self.best, self.best_step, self.bad = eval_loss, step, 0
            return True, False
        self.bad += 1
        return False, self.enabled and self.bad >= self.patience

    def state(self) -> dict:
        return {"best": self.best if math.isfinite(self.best) else None, "best_step": self.best_step, "bad": self.bad}

    def load(self, state: Optional[dict]) -> None:
        if state:
            self.best = state["best"] if state.get("best") is not None else math.inf
            self.best_step, self.bad = state.get("best_step"), state.get("bad", 0)
