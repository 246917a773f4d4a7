"""python3 -m trainer {sft,dpo} --config job.json [--resume] [--set key=value ...]
python3 -m trainer sample --config sample.json  (N answers per query from a trained model: trainer/sample.py)"""
from __future__ import annotations

import argparse
import json
import sys
import traceback


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m trainer", description="xinstruct SFT / DPO trainer")
    p.add_argument("kind", choices=["sft", "dpo", "sample"])
    p.add_argument("--config", required=True, help="job.json written by xinstruct")
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint in output_dir")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a config value (JSON value)")
    args = p.parse_args(argv)
    if args.kind == "sample":
        return _sample(args.config)
    from trainer.config import load_config
    from trainer.loop import run
    overrides = {"kind": args.kind}
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    try:
        cfg = load_config(args.config, overrides)
        outcome = run(cfg, resume=args.resume)
    except Exception as e:
        traceback.print_exc()
        print(f"[trainer] failed: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        return 1
    return 0 if outcome in ("completed", "stopped") else 1


def _sample(config: str) -> int:
    from trainer.sample import load_sample_config, run_sample
    try:
        counts = run_sample(load_sample_config(config), say=lambda m: print(m, flush=True))
    except Exception as e:
        traceback.print_exc()
        print(f"[trainer] failed: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        return 1
    print(json.dumps({"type": "sample_done", **counts}), flush=True)
    return 0
