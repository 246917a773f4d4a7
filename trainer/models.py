"""Loading the model and its tokenizer: the built-in tiny test model, or any Hugging Face causal LM
(transformers, and peft for LoRA, are imported only here and only for real models)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Dict

import torch

from trainer import attention
from trainer.config import JobConfig
from trainer.native_model import TINY, ByteTokenizer, NativeCausalLM

TINY_NAMES = ("tiny-test",)


@dataclass
class LoadedModel:
    model: torch.nn.Module
    render: Callable
    encode: Callable
    pad_id: int
    matmul_params: int
    n_layers: int
    hidden: int
    native: bool
    tokenizer: object = None
    implementation: str = "native"  # the attention implementation the model runs
    packing_mode: str = attention.SEGMENTS  # how packed samples are kept apart (trainer/attention.py)
    mask_dtype: torch.dtype = torch.float32

    def logits(self, model: torch.nn.Module, batch: Dict[str, torch.Tensor]) -> torch.Tensor:
        if self.native:
            return model(batch["input_ids"], batch["position_ids"], batch["segment_ids"])
        out = model(**attention.hf_inputs(batch, self.packing_mode, self.mask_dtype), use_cache=False).logits
        return attention.unflatten_logits(out, batch) if self.packing_mode == attention.VARLEN else out

    def attention_record(self) -> dict:
        return {"type": "attention", "implementation": self.implementation, "packing": self.packing_mode,
                "message": attention.describe(self.implementation, self.packing_mode)}


def is_tiny(name: str) -> bool:
    return name in TINY_NAMES or os.path.isfile(os.path.join(name, "config.json")) and _native_dir(name)


def _native_dir(path: str) -> bool:
    import json
    with open(os.path.join(path, "config.json")) as f:
        return "XinstructNativeCausalLM" in json.load(f).get("architectures", [])


def load(cfg: JobConfig, device: torch.device) -> LoadedModel:
    if is_tiny(cfg.model):
        return _load_native(cfg, device)
    return _load_hf(cfg, device)


def _load_native(cfg: JobConfig, device: torch.device) -> LoadedModel:
    torch.manual_seed(cfg.seed)
    if cfg.model in TINY_NAMES:
        model = NativeCausalLM(TINY)
    else:
        import json
        from dataclasses import fields
        from trainer.native_model import NativeConfig
        with open(os.path.join(cfg.model, "config.json")) as f:
            raw = json.load(f)
        model = NativeCausalLM(NativeConfig(**{k.name: raw[k.name] for k in fields(NativeConfig)}))
        model.load_state_dict(torch.load(os.path.join(cfg.model, "pytorch_model.bin"), map_location="cpu"))
    if cfg.method == "lora":
        raise ValueError("LoRA needs a Hugging Face model; the tiny test model trains fully")
    model.gradient_checkpointing = cfg.gradient_checkpointing
    model.to(device)
    tok = ByteTokenizer()
    return LoadedModel(model, tok.render, tok.encode, tok.pad_id, model.matmul_params(),
                       model.config.num_hidden_layers, model.config.hidden_size, native=True, tokenizer=tok)


def _load_hf(cfg: JobConfig, device: torch.device) -> LoadedModel:
    try:
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as e:
        raise RuntimeError("this model needs the transformers package (pip install transformers accelerate peft)") from e
    tok = AutoTokenizer.from_pretrained(cfg.model)
    if tok.chat_template is None:
        raise ValueError(f"{cfg.model} has no chat template; use an instruct/chat tokenizer or add one")
    dtype = torch.bfloat16 if cfg.bf16 and (device.type != "cuda" or torch.cuda.is_bf16_supported()) else torch.float32
    implementation = choose_implementation(cfg.attn_implementation, _flash_attn_importable())
    mode = attention.packing_mode(implementation, cfg.packing)
    if mode != attention.PADDING_ONLY:
        require_packing_support(_transformers_version())
    model = AutoModelForCausalLM.from_pretrained(cfg.model, torch_dtype=dtype, attn_implementation=implementation)
    if cfg.gradient_checkpointing:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        model.config.use_cache = False
    if cfg.method == "lora":
        try:
            from peft import LoraConfig, get_peft_model
        except ImportError as e:
            raise RuntimeError("LoRA needs the peft package (pip install peft)") from e
        if cfg.gradient_checkpointing:
            model.enable_input_require_grads()
        model = get_peft_model(model, LoraConfig(r=cfg.lora_r, lora_alpha=cfg.lora_alpha, lora_dropout=cfg.lora_dropout,
                                                 target_modules="all-linear", task_type="CAUSAL_LM"))
    model.to(device)
    pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
    conf = model.config
    matmul = sum(p.numel() for n, p in model.named_parameters() if p.dim() == 2 and "embed_tokens" not in n)
    if getattr(conf, "tie_word_embeddings", False):
        matmul += conf.vocab_size * conf.hidden_size

    def render(messages, add_generation_prompt):
        return tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    def encode(text):
        return tok(text, add_special_tokens=False).input_ids

    return LoadedModel(model, render, encode, pad, matmul, conf.num_hidden_layers, conf.hidden_size, native=False, tokenizer=tok,
                       implementation=implementation, packing_mode=mode, mask_dtype=dtype)


def _flash_attn_importable() -> bool:
    try:
        import flash_attn  # noqa: F401
        return True
    except ImportError:
        return False


def _transformers_version() -> str:
    import transformers
    return transformers.__version__


def choose_implementation(requested: str, flash_available: bool) -> str:
    """"auto": flash-attention 2 where the package is installed, else SDPA; anything else as asked."""
    if requested != "auto":
        if requested == "flash_attention_2" and not flash_available:
            raise ValueError("attn_implementation flash_attention_2 needs the flash-attn package (pip install flash-attn)")
        return requested
    return "flash_attention_2" if flash_available else "sdpa"


# transformers 4.45 is the first release with both shapes this trainer relies on: flash-attention
# varlen from restarting position ids (4.44, DataCollatorWithFlattening) and a prepared 4-D
# additive mask passed through unchanged to SDPA/eager.
MIN_TRANSFORMERS_FOR_PACKING = (4, 45)


def require_packing_support(version: str) -> None:
    parts = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
    if parts < MIN_TRANSFORMERS_FOR_PACKING:
        raise attention.PackingRefused(
            f"packing needs transformers >= {'.'.join(map(str, MIN_TRANSFORMERS_FOR_PACKING))} to keep packed samples apart "
            f"(installed: {version}); upgrade transformers or set packing to false")


def save_final(loaded: LoadedModel, model: torch.nn.Module, cfg: JobConfig, directory: str) -> str:
    """Hugging Face format (safetensors + tokenizer) ready for `vllm serve`; LoRA merged unless asked not to."""
    os.makedirs(directory, exist_ok=True)
    if loaded.native:
        model.save(directory)
        return directory
    if cfg.method == "lora" and cfg.merge_lora:
        model = model.merge_and_unload()
    model.save_pretrained(directory, safe_serialization=True)
    loaded.tokenizer.save_pretrained(directory)
    return directory
