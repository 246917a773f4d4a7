"""Model FLOPs utilisation: achieved training FLOP/s over the hardware's dense bf16 peak.

Training FLOPs per token follow the PaLM appendix: 6·N for the weight matmuls (forward +
backward) plus 12·L·d·S for attention scores, N counting matmul weights (the LM head
included, the embedding lookup not).
"""
from __future__ import annotations

from typing import Optional

# Dense bf16 peaks, TFLOP/s per device (vendor datasheets, without sparsity).
PEAK_TFLOPS = {
    "H200": 989.4,
    "H100 SXM": 989.4,
    "H100 80GB HBM3": 989.4,
    "H100 NVL": 835.0,
    "H100 PCIe": 756.0,
    "H100": 989.4,
    "A100": 312.0,
    "L40S": 362.0,
    "A10G": 125.0,
    "RTX 4090": 165.2,
}


def peak_tflops_for(device_name: str) -> Optional[float]:
    for key, value in PEAK_TFLOPS.items():  # most specific names first
        if key.lower() in device_name.lower():
            return value
    return None


def flops_per_token(matmul_params: int, n_layers: int, hidden: int, seq_len: int) -> float:
    return 6.0 * matmul_params + 12.0 * n_layers * hidden * seq_len


def mfu(tokens_per_s: float, per_token_flops: float, peak_tflops_per_device: float, n_devices: int = 1) -> float:
    return tokens_per_s * per_token_flops / (peak_tflops_per_device * 1e12 * n_devices)
