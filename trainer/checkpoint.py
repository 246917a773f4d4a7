"""Checkpoints under <output_dir>/checkpoints/step-NNNNNNNN: model, optimizer, scheduler, RNG and
the loop position. Written to a temporary directory and renamed, so a crash mid-write never
leaves a checkpoint that looks complete; only the last `keep` are kept."""
from __future__ import annotations

import json
import os
import random
import shutil
from typing import Optional

import torch

STATE = "trainer_state.json"


def checkpoints_dir(output_dir: str) -> str:
    return os.path.join(output_dir, "checkpoints")


def list_checkpoints(output_dir: str):
    root = checkpoints_dir(output_dir)
    if not os.path.isdir(root):
        return []
    found = []
    for name in os.listdir(root):
        path = os.path.join(root, name)
        if name.startswith("step-") and not name.endswith(".tmp") and os.path.isfile(os.path.join(path, STATE)):
            found.append((int(name[5:]), path))
    return sorted(found)


def latest_checkpoint(output_dir: str) -> Optional[str]:
    found = list_checkpoints(output_dir)
    return found[-1][1] if found else None


def save_checkpoint(output_dir: str, step: int, model_state: dict, optimizer, scheduler, position: dict, keep: int = 2) -> str:
    root = checkpoints_dir(output_dir)
    final = os.path.join(root, f"step-{step:08d}")
    tmp = final + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    torch.save(model_state, os.path.join(tmp, "model.pt"))
    torch.save({"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict()}, os.path.join(tmp, "optim.pt"))
    torch.save({"torch": torch.get_rng_state(), "python": random.getstate()}, os.path.join(tmp, "rng.pt"))
    with open(os.path.join(tmp, STATE), "w") as f:
        json.dump({"step": step, **position}, f)
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    for _, old in list_checkpoints(output_dir)[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
    return final


def load_checkpoint(path: str, model, optimizer, scheduler) -> dict:
    model.load_state_dict(torch.load(os.path.join(path, "model.pt"), map_location="cpu"))
    opt = torch.load(os.path.join(path, "optim.pt"), map_location="cpu")
    optimizer.load_state_dict(opt["optimizer"])
    scheduler.load_state_dict(opt["scheduler"])
    rng = torch.load(os.path.join(path, "rng.pt"))
    torch.set_rng_state(rng["torch"])
    random.setstate(rng["python"])
    with open(os.path.join(path, STATE)) as f:
        return json.load(f)


def best_dir(output_dir: str) -> str:
    return os.path.join(output_dir, "best")


def save_best(output_dir: str, step: int, eval_loss: float, model_state: dict) -> str:
    """Model weights only (no optimizer): what the final export takes when early stopping picks them."""
    final = best_dir(output_dir)
    tmp = final + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    torch.save(model_state, os.path.join(tmp, "model.pt"))
    with open(os.path.join(tmp, "best.json"), "w") as f:
        json.dump({"step": step, "eval_loss": eval_loss}, f)
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    return final


def load_best(output_dir: str) -> dict:
    return torch.load(os.path.join(best_dir(output_dir), "model.pt"), map_location="cpu")
