"""`python -m trainer sample --config sample.json`: N answers per query from a trained model (Ds4 as
the paper builds it: sampled from the SFT model), prompted with the chat format the SFT data used
(the user turn rendered by the model's own chat template, generation prompt added).

Engines: vLLM's offline engine where it is installed, transformers `generate` otherwise, and the
native tiny model (CPU, for tests and demos). Answers go to a JSONL file, one line per query
({"id", "answers": [...]}), appended as each batch finishes, so a rerun skips finished queries.
The app extracts the code from each answer as the evaluator does and runs it in its sandbox.
"""
from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass, fields
from typing import Callable, Dict, List, Optional

import torch

from trainer.data import read_jsonl


@dataclass
class SampleConfig:
    model: str = ""  # an SFT output directory (final/), a Hugging Face id, or tiny-test
    queries: str = ""  # JSONL: {"id", "messages": [{"role": "user", "content": ...}]}
    output: str = ""  # JSONL written here
    n: int = 8
    temperature: float = 0.8
    top_p: float = 1.0
    max_new_tokens: int = 1024
    batch_size: int = 8  # queries per generate call
    seed: int = 42
    engine: str = "auto"  # auto | vllm | transformers | native

    def validate(self) -> "SampleConfig":
        if not self.model or not self.queries or not self.output:
            raise ValueError("model, queries and output are required")
        if self.n < 1 or self.batch_size < 1 or self.max_new_tokens < 1:
            raise ValueError("n, batch_size and max_new_tokens must be at least 1")
        if self.temperature < 0 or not 0 < self.top_p <= 1:
            raise ValueError("temperature must be >= 0 and top_p in (0, 1]")
        if self.engine not in ("auto", "vllm", "transformers", "native"):
            raise ValueError(f"engine must be auto, vllm, transformers or native, not {self.engine!r}")
        return self


def load_sample_config(path: str) -> SampleConfig:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    unknown = sorted(set(raw) - {f.name for f in fields(SampleConfig)})
    if unknown:
        raise ValueError(f"unknown keys in {path}: {', '.join(unknown)}")
    return SampleConfig(**raw).validate()


Generate = Callable[[List[List[dict]]], List[List[str]]]  # conversations -> n answers each


def choose_engine(cfg: SampleConfig) -> str:
    from trainer.models import is_tiny
    if is_tiny(cfg.model):
        return "native"
    if cfg.engine != "auto":
        return cfg.engine
    return "vllm" if importlib.util.find_spec("vllm") is not None and torch.cuda.is_available() else "transformers"


def run_sample(cfg: SampleConfig, say=print) -> Dict[str, int]:
    queries = read_jsonl(cfg.queries)
    for i, q in enumerate(queries, 1):
        if not isinstance(q.get("id"), str) or not isinstance(q.get("messages"), list) or not q["messages"]:
            raise ValueError(f"{cfg.queries}:{i}: each query needs an id and a non-empty messages list")
    done = _finished_ids(cfg.output)
    todo = [q for q in queries if q["id"] not in done]
    engine = choose_engine(cfg)
    say(f"[trainer] sample: {len(todo)} of {len(queries)} queries to go, {cfg.n} answers each, temperature {cfg.temperature}, engine {engine}")
    generate = {"native": _native, "vllm": _vllm, "transformers": _transformers}[engine](cfg)
    os.makedirs(os.path.dirname(os.path.abspath(cfg.output)), exist_ok=True)
    answers = 0
    with open(cfg.output, "a", encoding="utf-8") as out:
        for s in range(0, len(todo), cfg.batch_size):
            batch = todo[s:s + cfg.batch_size]
            results = generate([q["messages"] for q in batch])
            for q, texts in zip(batch, results):
                out.write(json.dumps({"id": q["id"], "answers": texts}) + "\n")
                answers += len(texts)
            out.flush()
            say(f"sampled {min(s + cfg.batch_size, len(todo))}/{len(todo)} queries")
    return {"queries": len(queries), "sampled": len(todo), "skipped": len(queries) - len(todo), "answers": answers}


def _finished_ids(path: str) -> set:
    if not os.path.isfile(path):
        return set()
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                ids.add(json.loads(line)["id"])
            except (json.JSONDecodeError, KeyError, TypeError):
                pass  # a line cut short by a crash: that query is sampled again
    return ids


def _native(cfg: SampleConfig) -> Generate:
    from trainer.config import JobConfig
    from trainer.models import load
    loaded = load(JobConfig(model=cfg.model, dataset="-", seed=cfg.seed), torch.device("cpu"))
    model, tok = loaded.model.eval(), loaded.tokenizer
    gen = torch.Generator().manual_seed(cfg.seed)
    limit = model.config.max_position_embeddings

    @torch.no_grad()
    def generate(convs):
        out = []
        for msgs in convs:
            prompt = tok.encode(tok.render(msgs, True))
            ids = torch.tensor([prompt] * cfg.n)
            finished = torch.zeros(cfg.n, dtype=torch.bool)
            new: List[List[int]] = [[] for _ in range(cfg.n)]
            for _ in range(min(cfg.max_new_tokens, limit - len(prompt))):
                logits = model(ids)[:, -1, :].float()
                nxt = _pick(logits, cfg.temperature, cfg.top_p, gen)
                for r in range(cfg.n):
                    if not finished[r]:
                        if int(nxt[r]) in (tok.IM_END, tok.EOS):
                            finished[r] = True
                        else:
                            new[r].append(int(nxt[r]))
                if bool(finished.all()):
                    break
                ids = torch.cat([ids, nxt.unsqueeze(1)], dim=1)
            out.append([tok.decode(t) for t in new])
        return out
    return generate


def _pick(logits: torch.Tensor, temperature: float, top_p: float, gen: torch.Generator) -> torch.Tensor:
    if temperature == 0:
        return logits.argmax(-1)
    probs = torch.softmax(logits / temperature, -1)
    if top_p < 1:
        sorted_p, order = probs.sort(-1, descending=True)
        keep = sorted_p.cumsum(-1) - sorted_p < top_p
        probs = torch.zeros_like(probs).scatter(-1, order, sorted_p * keep)
    return torch.multinomial(probs, 1, generator=gen).squeeze(1)


def _vllm(cfg: SampleConfig) -> Generate:
    from vllm import LLM, SamplingParams
    llm = LLM(model=cfg.model, seed=cfg.seed)
    tok = llm.get_tokenizer()
    params = SamplingParams(n=cfg.n, temperature=cfg.temperature, top_p=cfg.top_p, max_tokens=cfg.max_new_tokens, seed=cfg.seed)

    def generate(convs):
        prompts = [tok.apply_chat_template(m, tokenize=False, add_generation_prompt=True) for m in convs]
        return [[o.text for o in r.outputs] for r in llm.generate(prompts, params)]
    return generate


def _transformers(cfg: SampleConfig) -> Generate:
    try:
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as e:
        raise RuntimeError("sampling this model needs vllm or transformers (pip install vllm, or transformers accelerate)") from e
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tok = AutoTokenizer.from_pretrained(cfg.model, padding_side="left")
    if tok.chat_template is None:
        raise ValueError(f"{cfg.model} has no chat template: sample from the SFT output directory, which keeps the tokenizer it trained with")
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    dtype = torch.bfloat16 if device.type == "cuda" and torch.cuda.is_bf16_supported() else torch.float32
    model = AutoModelForCausalLM.from_pretrained(cfg.model, torch_dtype=dtype).to(device).eval()
    torch.manual_seed(cfg.seed)

    @torch.no_grad()
    def generate(convs):
        prompts = [tok.apply_chat_template(m, tokenize=False, add_generation_prompt=True) for m in convs]
        enc = tok(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(device)
        sampling = {"do_sample": True, "temperature": cfg.temperature, "top_p": cfg.top_p} if cfg.temperature > 0 else {"do_sample": False}
        out = model.generate(**enc, max_new_tokens=cfg.max_new_tokens, num_return_sequences=cfg.n, pad_token_id=tok.pad_token_id, **sampling)
        texts = tok.batch_decode(out[:, enc.input_ids.shape[1]:], skip_special_tokens=True)
        return [texts[i * cfg.n:(i + 1) * cfg.n] for i in range(len(convs))]
    return generate
