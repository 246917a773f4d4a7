"""SFT and DPO training throughput of the xinstruct trainer's step functions on one device.

Qwen2-architecture models at Qwen2.5-Coder's published 0.5B / 1.5B shapes (trainer/native_model.py
QWEN25_CODER), randomly initialised. Data are synthetic token ids over the full 151,936-token
vocabulary (a tokenizer only decides which ids appear, not the cost), with sample lengths drawn
like instruction data (prompt 64-512 + response 64-512 tokens), packed to --seq for SFT and
padded pairs for DPO. bf16 autocast on CUDA. Prints one JSON object.

  python3 scripts/bench/training/bench.py --mode sft --size 0.5b [--impl native|hf]
"""
import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "../../..")))

import torch  # noqa: E402

from trainer.data import IGNORE, Example, PreferenceExample  # noqa: E402
from trainer.mfu import flops_per_token, mfu, peak_tflops_for  # noqa: E402
from trainer.models import LoadedModel  # noqa: E402
from trainer.native_model import QWEN25_CODER, TINY, NativeCausalLM  # noqa: E402
from trainer.packing import pack  # noqa: E402
from trainer.steps import dpo_micro, sft_micro  # noqa: E402
from trainer.distributed import Dist  # noqa: E402


def build(size: str, impl: str, device, checkpointing: bool):
    cfg = TINY if size == "tiny" else QWEN25_CODER[size]
    if impl == "hf":
        from transformers import Qwen2Config, Qwen2ForCausalLM
        hf_cfg = Qwen2Config(vocab_size=cfg.vocab_size, hidden_size=cfg.hidden_size, intermediate_size=cfg.intermediate_size,
                             num_hidden_layers=cfg.num_hidden_layers, num_attention_heads=cfg.num_attention_heads,
                             num_key_value_heads=cfg.num_key_value_heads, max_position_embeddings=cfg.max_position_embeddings,
                             rope_theta=cfg.rope_theta, rms_norm_eps=cfg.rms_norm_eps, tie_word_embeddings=cfg.tie_word_embeddings)
        try:
            import flash_attn  # noqa: F401
            attn = "flash_attention_2"
        except ImportError:
            attn = "sdpa"
        model = Qwen2ForCausalLM._from_config(hf_cfg, attn_implementation=attn, torch_dtype=torch.bfloat16).to(device)
        if checkpointing:
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        matmul = sum(p.numel() for n, p in model.named_parameters() if p.dim() == 2 and "embed_tokens" not in n) + cfg.vocab_size * cfg.hidden_size
        return LoadedModel(model, None, None, 0, matmul, cfg.num_hidden_layers, cfg.hidden_size, native=False), cfg, attn
    model = NativeCausalLM(cfg).to(device)
    model.gradient_checkpointing = checkpointing
    return LoadedModel(model, None, None, 0, model.matmul_params(), cfg.num_hidden_layers, cfg.hidden_size, native=True), cfg, "sdpa"


def sample_lengths(rng, seq):
    p, r = rng.randint(64, min(512, seq // 4)), rng.randint(64, min(512, seq // 4))
    return p, r


def run(a):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    rng = random.Random(0)
    loaded, cfg, attn = build(a.size, a.impl, device, a.checkpointing)
    model = loaded.model.train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=5e-5, fused=device.type == "cuda") \
        if device.type == "cuda" else torch.optim.AdamW(model.parameters(), lr=5e-5)
    d = Dist(device=device)
    vocab = cfg.vocab_size
    bf16 = device.type == "cuda"
    tok = lambda n: [rng.randrange(4, vocab) for _ in range(n)]  # noqa: E731

    n_items = a.micro_batch * (a.steps + a.warmup) * 2
    if a.mode == "sft":
        examples = []
        while len(pack(examples, a.seq)) < n_items:
            p, r = sample_lengths(rng, a.seq)
            ids = tok(p + r)
            examples.append(Example(ids, [IGNORE] * p + ids[p:]))
        items = pack(examples, a.seq)
        samples_per_item = len(examples) / len(items)
    else:
        items = []
        for _ in range(n_items):
            p, r1 = sample_lengths(rng, a.seq)
            _, r2 = sample_lengths(rng, a.seq)
            items.append(PreferenceExample(tok(p), tok(r1), tok(r2)))
        ref = torch.zeros(len(items), 2)  # precomputed once in the trainer; its cost is not in the loop
        samples_per_item = 1.0

    def step(k):
        idx = list(range(k * a.micro_batch, (k + 1) * a.micro_batch))
        if a.mode == "sft":
            total, n, toks = sft_micro(loaded, model, items, idx, d, bf16)
            (total / max(n, 1)).backward()
        else:
            out, toks = dpo_micro(loaded, model, items, idx, ref, 0.1, d, bf16)
            out["loss"].backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        return toks

    for k in range(a.warmup):
        step(k)
    if device.type == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    t0 = time.time()
    tokens = 0
    for k in range(a.warmup, a.warmup + a.steps):
        tokens += step(k)
    if device.type == "cuda":
        torch.cuda.synchronize()
    dt = time.time() - t0
    tps = tokens / dt
    per_tok = flops_per_token(loaded.matmul_params, loaded.n_layers, loaded.hidden, a.seq)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    peak = peak_tflops_for(name)
    examples = a.steps * a.micro_batch * samples_per_item
    return {
        "mode": a.mode, "size": a.size, "impl": a.impl, "attention": attn, "device": name, "seq": a.seq, "micro_batch": a.micro_batch,
        "gradient_checkpointing": a.checkpointing, "steps": a.steps, "seconds": dt, "tokens_per_s": tps,
        "seconds_per_example": dt / examples, "mfu": mfu(tps, per_tok, peak) if peak else None, "peak_tflops": peak,
        "matmul_params": loaded.matmul_params, "gpu_mem_gb": torch.cuda.max_memory_allocated() / 2 ** 30 if device.type == "cuda" else None,
        "torch": torch.__version__,
    }


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["sft", "dpo"], default="sft")
    p.add_argument("--size", choices=["tiny", "0.5b", "1.5b"], default="0.5b")
    p.add_argument("--impl", choices=["native", "hf"], default="native")
    p.add_argument("--seq", type=int, default=2048)
    p.add_argument("--micro-batch", type=int, default=4)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--checkpointing", action="store_true")
    print(json.dumps(run(p.parse_args())))
