"""A Qwen2-architecture causal LM in plain torch (RMSNorm, rotary positions, grouped-query
attention with q/k/v bias, SwiGLU MLP, tied embeddings).

It serves two purposes: `model: "tiny-test"` (2 layers, width 64, byte tokenizer) lets the
whole pipeline run on a CPU in seconds for tests and demos, and the benchmark builds
Qwen2.5-Coder 0.5B/1.5B shapes from the published configs without transformers.
Attention stays inside a packed sample through the segment ids.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint


@dataclass
class NativeConfig:
    vocab_size: int
    hidden_size: int
    intermediate_size: int
    num_hidden_layers: int
    num_attention_heads: int
    num_key_value_heads: int
    max_position_embeddings: int = 32768
    rope_theta: float = 1_000_000.0
    rms_norm_eps: float = 1e-6
    tie_word_embeddings: bool = True


# Published Qwen2.5-Coder configs (config.json on the Hub), architecture fields only.
QWEN25_CODER = {
    "0.5b": NativeConfig(vocab_size=151936, hidden_size=896, intermediate_size=4864, num_hidden_layers=24,
                         num_attention_heads=14, num_key_value_heads=2),
    "1.5b": NativeConfig(vocab_size=151936, hidden_size=1536, intermediate_size=8960, num_hidden_layers=28,
                         num_attention_heads=12, num_key_value_heads=2),
}

TINY = NativeConfig(vocab_size=260, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                    num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=4096)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        dtype = x.dtype
        x = x.float()
        x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * x.to(dtype)


def rotary(x, position_ids, theta: float):
    # x: (b, heads, s, d); position_ids: (b, s)
    d = x.size(-1)
    inv = 1.0 / (theta ** (torch.arange(0, d, 2, device=x.device, dtype=torch.float32) / d))
    freqs = position_ids.float().unsqueeze(-1) * inv  # (b, s, d/2)
    emb = torch.cat([freqs, freqs], dim=-1)
    cos, sin = emb.cos().unsqueeze(1).to(x.dtype), emb.sin().unsqueeze(1).to(x.dtype)
    half = d // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return x * cos + rotated * sin


class Attention(nn.Module):
    def __init__(self, c: NativeConfig):
        super().__init__()
        self.heads, self.kv_heads = c.num_attention_heads, c.num_key_value_heads
        self.head_dim = c.hidden_size // c.num_attention_heads
        self.theta = c.rope_theta
        self.q_proj = nn.Linear(c.hidden_size, self.heads * self.head_dim, bias=True)
        self.k_proj = nn.Linear(c.hidden_size, self.kv_heads * self.head_dim, bias=True)
        self.v_proj = nn.Linear(c.hidden_size, self.kv_heads * self.head_dim, bias=True)
        self.o_proj = nn.Linear(self.heads * self.head_dim, c.hidden_size, bias=False)

    def forward(self, x, position_ids, mask):
        b, s, _ = x.shape
        q = self.q_proj(x).view(b, s, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(b, s, self.kv_heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(b, s, self.kv_heads, self.head_dim).transpose(1, 2)
        q, k = rotary(q, position_ids, self.theta), rotary(k, position_ids, self.theta)
        rep = self.heads // self.kv_heads
        k, v = k.repeat_interleave(rep, dim=1), v.repeat_interleave(rep, dim=1)
        if hasattr(F, "scaled_dot_product_attention"):
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        else:  # torch < 2.0
            scores = (q @ k.transpose(-1, -2)) / math.sqrt(self.head_dim)
            scores = scores.masked_fill(~mask, torch.finfo(scores.dtype).min)
            out = torch.softmax(scores.float(), dim=-1).to(q.dtype) @ v
        return self.o_proj(out.transpose(1, 2).reshape(b, s, -1))


class Block(nn.Module):
    def __init__(self, c: NativeConfig):
        super().__init__()
        self.input_layernorm = RMSNorm(c.hidden_size, c.rms_norm_eps)
        self.self_attn = Attention(c)
        self.post_attention_layernorm = RMSNorm(c.hidden_size, c.rms_norm_eps)
        self.gate_proj = nn.Linear(c.hidden_size, c.intermediate_size, bias=False)
        self.up_proj = nn.Linear(c.hidden_size, c.intermediate_size, bias=False)
        self.down_proj = nn.Linear(c.intermediate_size, c.hidden_size, bias=False)

    def forward(self, x, position_ids, mask):
        x = x + self.self_attn(self.input_layernorm(x), position_ids, mask)
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class NativeCausalLM(nn.Module):
    def __init__(self, config: NativeConfig):
        super().__init__()
        self.config = config
        self.embed_tokens = nn.Embedding(config.vocab_size, config.hidden_size)
        self.layers = nn.ModuleList(Block(config) for _ in range(config.num_hidden_layers))
        self.norm = RMSNorm(config.hidden_size, config.rms_norm_eps)
        self.lm_head = nn.Linear(config.hidden_size, config.vocab_size, bias=False)
        if config.tie_word_embeddings:
            self.lm_head.weight = self.embed_tokens.weight
        self.gradient_checkpointing = False
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)
            if isinstance(m, nn.Linear) and m.bias is not None:
                nn.init.zeros_(m.bias)

    def forward(self, input_ids, position_ids: Optional[torch.Tensor] = None, segment_ids: Optional[torch.Tensor] = None):
        b, s = input_ids.shape
        if position_ids is None:
            position_ids = torch.arange(s, device=input_ids.device).expand(b, s)
        if segment_ids is None:
            segment_ids = torch.ones_like(input_ids)
        causal = torch.ones(s, s, dtype=torch.bool, device=input_ids.device).tril()
        same = segment_ids.unsqueeze(-1) == segment_ids.unsqueeze(-2)
        # Padding rows (segment 0) attend to themselves only, which keeps softmax finite.
        mask = (causal & same).unsqueeze(1)
        x = self.embed_tokens(input_ids)
        for layer in self.layers:
            if self.gradient_checkpointing and self.training:
                x = checkpoint(layer, x, position_ids, mask, use_reentrant=False)
            else:
                x = layer(x, position_ids, mask)
        return self.lm_head(self.norm(x))

    def matmul_params(self) -> int:
        n = sum(p.numel() for name, p in self.named_parameters() if p.dim() == 2 and "embed_tokens" not in name)
        return n + self.lm_head.weight.numel() if self.config.tie_word_embeddings else n

    def save(self, directory: str) -> None:
        import json, os
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "config.json"), "w") as f:
            json.dump({"architectures": ["XinstructNativeCausalLM"], **asdict(self.config)}, f, indent=2)
        torch.save(self.state_dict(), os.path.join(directory, "pytorch_model.bin"))


class ByteTokenizer:
    """UTF-8 bytes (ids 0-255) plus ChatML's special tokens; its chat template is ChatML, as Qwen's."""
    IM_START, IM_END, PAD, EOS = 256, 257, 258, 259
    SPECIAL = {"<|im_start|>": 256, "<|im_end|>": 257, "<|endoftext|>": 259}

    pad_id = PAD
    eos_id = IM_END

    def encode(self, text: str):
        ids = []
        i = 0
        while i < len(text):
            for tok, tid in self.SPECIAL.items():
                if text.startswith(tok, i):
                    ids.append(tid)
                    i += len(tok)
                    break
            else:
                j = text.find("<|", i + 1)
                j = len(text) if j < 0 else j
                ids.extend(text[i:j].encode("utf-8"))
                i = j
        return ids

    def decode(self, ids) -> str:
        inv = {v: k for k, v in self.SPECIAL.items()}
        out, buf = [], bytearray()
        for t in ids:
            if t < 256:
                buf.append(t)
            else:
                out.append(buf.decode("utf-8", "replace"))
                buf = bytearray()
                out.append(inv.get(t, ""))
        out.append(buf.decode("utf-8", "replace"))
        return "".join(out)

    @staticmethod
    def render(messages, add_generation_prompt: bool) -> str:
        text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
        return text + ("<|im_start|>assistant\n" if add_generation_prompt else "")
