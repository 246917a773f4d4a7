"""torchrun / accelerate launch set RANK, WORLD_SIZE and LOCAL_RANK; with more than one process the
model is wrapped in DDP, or FSDP (full sharding, one unit per transformer layer) when asked."""
from __future__ import annotations

import os
from dataclasses import dataclass

import torch
import torch.distributed as dist


@dataclass
class Dist:
    rank: int = 0
    world: int = 1
    local_rank: int = 0
    device: torch.device = torch.device("cpu")

    @property
    def main(self) -> bool:
        return self.rank == 0

    def all_sum(self, value: float) -> float:
        if self.world == 1:
            return value
        t = torch.tensor([value], dtype=torch.float64, device=self.device)
        dist.all_reduce(t)
        return float(t.item())

    def barrier(self) -> None:
        if self.world > 1:
            dist.barrier()


def setup() -> Dist:
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local = int(os.environ.get("LOCAL_RANK", "0"))
    if torch.cuda.is_available():
        torch.cuda.set_device(local)
        device = torch.device("cuda", local)
    else:
        device = torch.device("cpu")
    if world > 1 and not dist.is_initialized():
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return Dist(rank, world, local, device)


def wrap(model: torch.nn.Module, d: Dist, fsdp: bool, layer_types=()) -> torch.nn.Module:
    if d.world == 1:
        return model
    if fsdp:
        import functools
        from torch.distributed.fsdp import FullyShardedDataParallel as FSDP, MixedPrecision
        from torch.distributed.fsdp.wrap import transformer_auto_wrap_policy
        policy = functools.partial(transformer_auto_wrap_policy, transformer_layer_cls=set(layer_types)) if layer_types else None
        mp = MixedPrecision(param_dtype=torch.bfloat16, reduce_dtype=torch.float32) if d.device.type == "cuda" else None
        return FSDP(model, auto_wrap_policy=policy, mixed_precision=mp, device_id=d.device if d.device.type == "cuda" else None)
    from torch.nn.parallel import DistributedDataParallel as DDP
    return DDP(model, device_ids=[d.local_rank] if d.device.type == "cuda" else None)


def unwrap(model: torch.nn.Module) -> torch.nn.Module:
    return getattr(model, "module", model)


def full_state_dict(model: torch.nn.Module) -> dict:
    """The whole model's weights on CPU (gathered from all ranks under FSDP)."""
    # Imported only for FSDP models (torch 1.13's FSDP module does not even import on Python 3.11).
    if type(model).__name__ == "FullyShardedDataParallel":
        from torch.distributed.fsdp import FullyShardedDataParallel as FSDP, StateDictType, FullStateDictConfig
        with FSDP.state_dict_type(model, StateDictType.FULL_STATE_DICT, FullStateDictConfig(offload_to_cpu=True, rank0_only=True)):
            return model.state_dict()
    return {k: v.detach().cpu() for k, v in unwrap(model).state_dict().items()}
