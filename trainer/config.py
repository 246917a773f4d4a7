"""The job file the app writes (job.json): one flat JSON object, snake_case keys, paper defaults."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from typing import Optional


@dataclass
class JobConfig:
    kind: str = "sft"  # sft | dpo
    model: str = "Qwen/Qwen2.5-Coder-1.5B"  # HF id, local path, or "tiny-test"
    dataset: str = ""
    output_dir: str = "./train-output"
    eval_dataset: Optional[str] = None
    eval_fraction: float = 0.02
    method: str = "full"  # full | lora
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    merge_lora: bool = True
    # Paper defaults (Qwen2.5-xCoder): Adam, lr 5e-5, 100 warmup steps, cosine, batch 1024, length 2048.
    learning_rate: float = 5e-5
    warmup_steps: int = 100
    min_lr_ratio: float = 0.0
    global_batch_size: int = 1024
    micro_batch_size: int = 4
    max_length: int = 2048
    epochs: float = 3.0
    max_steps: Optional[int] = None
    weight_decay: float = 0.0
    adam_beta1: float = 0.9
    adam_beta2: float = 0.999
    max_grad_norm: float = 1.0
    beta: float = 0.1  # DPO
    packing: bool = True
    # auto: flash_attention_2 where flash-attn is installed, else sdpa (eager also keeps packed samples apart)
    attn_implementation: str = "auto"
    bf16: bool = True
    gradient_checkpointing: bool = True
    fsdp: bool = False
    log_every: int = 1
    eval_every: int = 50
    save_every: int = 200
    keep_checkpoints: int = 2
    # Early stopping on eval loss (0 = off): stop after this many evaluations without an improvement
    # of more than min_delta; the best weights are kept and exported as the final model.
    early_stopping_patience: int = 0
    early_stopping_min_delta: float = 0.0
    seed: int = 42
    metrics_url: Optional[str] = None
    metrics_token: Optional[str] = None
    peak_tflops: Optional[float] = None  # per device; looked up from the GPU name when unset
    extra: dict = field(default_factory=dict)

    def validate(self) -> "JobConfig":
        if self.kind not in ("sft", "dpo"):
            raise ValueError(f"kind must be sft or dpo, not {self.kind!r}")
        if self.method not in ("full", "lora"):
            raise ValueError(f"method must be full or lora, not {self.method!r}")
        if not self.dataset:
            raise ValueError("dataset is required")
        for name in ("global_batch_size", "micro_batch_size", "max_length"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", self.attn_implementation):
            raise ValueError(f"attn_implementation must be auto or an implementation name such as sdpa, not {self.attn_implementation!r}")
        if self.early_stopping_patience < 0 or self.early_stopping_min_delta < 0:
            raise ValueError("early_stopping_patience and early_stopping_min_delta cannot be negative")
        if self.learning_rate <= 0:
            raise ValueError("learning_rate must be positive")
        return self


def load_config(path: str, overrides: Optional[dict] = None) -> JobConfig:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    raw.update(overrides or {})
    known = {f.name for f in fields(JobConfig)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValueError(f"unknown keys in {path}: {', '.join(unknown)}")
    return JobConfig(**raw).validate()
