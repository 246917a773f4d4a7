"""The training loop shared by SFT and DPO: gradient accumulation to the global batch, Adam with
warmup + cosine, periodic metrics / eval / checkpoints, a clean stop on SIGTERM (checkpoint,
then exit) and resume from the last checkpoint."""
from __future__ import annotations

import contextlib
import math
import os
import random
import signal
import time

import torch

from trainer import checkpoint as ckpt
from trainer import distributed, models
from trainer.config import JobConfig
from trainer.early_stop import EarlyStopper
from trainer.mfu import flops_per_token, mfu, peak_tflops_for
from trainer.prepare import Schedule, prepare, step_plan
from trainer.reporter import Reporter
from trainer.schedule import lr_multiplier
from trainer.steps import cached_reference, dpo_micro, evaluate, label_tokens, reference_logps, sft_micro


class StopFlag:
    """Set by SIGTERM/SIGINT; the loop checks it between micro-batches."""

    def __init__(self):
        self.requested = False

    def install(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, _frame):
        self.requested = True
        # Not print(): the signal can arrive while the main thread is inside a print to the same
        # buffered stdout (a slow ssh pipe makes that likely), and a second print there raises
        # "reentrant call" and kills the trainer instead of letting it checkpoint. os.write is
        # unbuffered and safe here.
        msg = f"[trainer] received {signal.Signals(signum).name}: saving a checkpoint, then exiting\n"
        try:
            os.write(1, msg.encode())
        except OSError:
            pass


def run(cfg: JobConfig, resume: bool = False, stop: StopFlag = None) -> str:
    """Returns "completed" or "stopped"; raises on failure."""
    stop = stop or StopFlag().install()
    d = distributed.setup()
    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    os.makedirs(cfg.output_dir, exist_ok=True)
    say = (lambda m: print(m, flush=True)) if d.main else (lambda m: None)
    rep = Reporter(os.path.join(cfg.output_dir, "metrics.jsonl") if d.main else None,
                   cfg.metrics_url if d.main else None, cfg.metrics_token)
    try:
        return _run(cfg, resume, stop, d, rep, say)
    except BaseException as e:
        if d.main:
            rep.status("failed", 0, f"{type(e).__name__}: {e}")
        raise
    finally:
        rep.close()


def _run(cfg, resume, stop, d, rep, say) -> str:
    phase = rep.phase if d.main else (lambda *a, **k: None)
    phase("loading_model", f"loading {cfg.model}")
    loaded = models.load(cfg, d.device)
    if d.main:
        rep.record(loaded.attention_record())
    say(f"[trainer] attention: {loaded.attention_record()['message']}")
    phase("preparing_data", f"tokenizing {cfg.dataset}" + (" and packing" if cfg.packing else ""))
    data = prepare(cfg, loaded.render, loaded.encode)
    if not data.train:
        raise ValueError("no training items after tokenization")
    plan = step_plan(cfg, len(data.train), d.world, data.train_samples)
    sched = Schedule(len(data.train), cfg.micro_batch_size, d.world, plan.accumulation, cfg.seed)
    total = plan.total_steps
    if d.main:
        rep.record(plan.as_record())
    for w in plan.warnings:
        say(f"[trainer] warning: {w}")
    layer_types = {type(loaded.model.layers[0])} if loaded.native else set()
    model = distributed.wrap(loaded.model, d, cfg.fsdp, layer_types)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.learning_rate, betas=(cfg.adam_beta1, cfg.adam_beta2),
                            weight_decay=cfg.weight_decay)
    lr_sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: lr_multiplier(s, cfg.warmup_steps, total, cfg.min_lr_ratio))
    step = 0
    stopper = EarlyStopper(cfg.early_stopping_patience, cfg.early_stopping_min_delta)
    if stopper.enabled and not data.eval:
        raise ValueError("early stopping needs eval data: set eval_fraction above 0 or an eval_dataset")
    last = ckpt.latest_checkpoint(cfg.output_dir) if resume else None
    if last:
        position = ckpt.load_checkpoint(last, distributed.unwrap(model), opt, lr_sched)
        step = position["step"]
        stopper.load(position.get("early_stopping"))
        say(f"[trainer] resumed from {last} at step {step}")
    elif resume:
        say("[trainer] no checkpoint to resume from; starting at step 0")

    ref = ref_eval = None
    if cfg.kind == "dpo":
        say(f"[trainer] reference log-probs for {len(data.train) + len(data.eval)} pairs (computed once)")
        ref_msg = f"reference log-probs of the {len(data.train)} training pairs (once, before the first step)"
        phase("reference_logps", ref_msg, 0, len(data.train))
        ref = cached_reference(os.path.join(cfg.output_dir, "reference_logps.pt"),
                               lambda: reference_logps(loaded, model, data.train, cfg.micro_batch_size, d, cfg.bf16,
                                                       progress=lambda done, n: phase("reference_logps", ref_msg, done * d.world, n * d.world)))
        ref_eval = cached_reference(os.path.join(cfg.output_dir, "reference_logps_eval.pt"),
                                    lambda: reference_logps(loaded, model, data.eval, cfg.micro_batch_size, d, cfg.bf16))

    seq_len = cfg.max_length if cfg.packing else max(len(x.input_ids) for x in data.train) if cfg.kind == "sft" else cfg.max_length
    per_token = flops_per_token(loaded.matmul_params, loaded.n_layers, loaded.hidden, seq_len)
    peak = cfg.peak_tflops or (peak_tflops_for(torch.cuda.get_device_name(d.device)) if d.device.type == "cuda" else None)
    say(f"[trainer] {cfg.kind} {cfg.model}: {plan.samples} train samples in {len(data.train)} rows / {len(data.eval)} eval items, "
        f"{total} steps ({plan.steps_per_epoch} an epoch), accumulation {sched.accum} × micro {cfg.micro_batch_size} × {d.world} "
        f"process(es) ≈ {plan.samples_per_step:.0f} samples a step, warm-up {cfg.warmup_steps}")
    rep.status("running", step, f"{total} steps")
    first_msg = (f"step {step + 1} of {total}: accumulating {sched.accum} micro-batch(es) of {cfg.micro_batch_size} "
                 f"before the first metrics")
    phase("first_step", first_msg, 0, sched.accum)
    first_step, last_phase = step, time.time()

    window = {"tokens": 0, "time": 0.0, "steps": 0}
    model.train()
    while step < total:
        t0 = time.time()
        idxs = [sched.micro_batch(step * sched.accum + a, d.rank) for a in range(sched.accum)]
        if cfg.kind == "sft":
            denom = d.all_sum(sum(label_tokens(data.train, i) for i in idxs)) or 1.0
        else:
            denom = d.all_sum(sum(len(i) for i in idxs)) or 1.0
        agg = {"loss": 0.0, "rewards_chosen": 0.0, "rewards_rejected": 0.0, "rewards_margin": 0.0, "rewards_accuracy": 0.0}
        tokens = 0
        interrupted = False
        for a, idx in enumerate(idxs):
            if d.all_sum(1.0 if stop.requested else 0.0) > 0:
                interrupted = True
                break
            sync = a == len(idxs) - 1 or not hasattr(model, "no_sync")
            with (contextlib.nullcontext() if sync else model.no_sync()):
                if cfg.kind == "sft":
                    total_loss, _, n_tok = sft_micro(loaded, model, data.train, idx, d, cfg.bf16)
                    (total_loss * d.world / denom).backward()
                    agg["loss"] += float(total_loss) / denom
                else:
                    out, n_tok = dpo_micro(loaded, model, data.train, idx, ref, cfg.beta, d, cfg.bf16)
                    w = len(idx) / denom
                    (out["loss"] * w * d.world).backward()
                    for k in agg:
                        agg[k] += float(out[k]) * w
            tokens += n_tok
            if step == first_step and time.time() - last_phase > 2.0:
                phase("first_step", first_msg, a + 1, sched.accum)
                last_phase = time.time()
        if interrupted:
            opt.zero_grad(set_to_none=True)
            _save(cfg, model, opt, lr_sched, step, d, rep, say, stopper)
            rep.status("stopped", step, "stopped on request; resume continues from the checkpoint")
            say(f"[trainer] stopped at step {step}")
            return "stopped"
        grad_norm = (model.clip_grad_norm_(cfg.max_grad_norm) if hasattr(model, "clip_grad_norm_")
                     else torch.nn.utils.clip_grad_norm_(params, cfg.max_grad_norm))
        lr = opt.param_groups[0]["lr"]
        opt.step()
        lr_sched.step()
        opt.zero_grad(set_to_none=True)
        step += 1
        if d.device.type == "cuda":
            torch.cuda.synchronize(d.device)
        window["tokens"] += d.all_sum(float(tokens))
        window["time"] += time.time() - t0
        window["steps"] += 1
        values = {k: d.all_sum(v) for k, v in (agg.items() if cfg.kind == "dpo" else [("loss", agg["loss"])])}
        if step % cfg.log_every == 0 or step == total:
            tps = window["tokens"] / max(window["time"], 1e-9)
            values.update(lr=lr, grad_norm=float(grad_norm), tokens_per_s=tps, epoch=sched.epoch_of_step(step))
            if peak:
                values["mfu"] = mfu(tps, per_token, peak, d.world)
            if d.device.type == "cuda":
                values["gpu_mem_gb"] = torch.cuda.max_memory_allocated(d.device) / 2 ** 30
            if d.main:
                rep.metrics(step, values)
            say(f"step {step}/{total} loss {values['loss']:.4f} lr {lr:.3g} grad_norm {float(grad_norm):.3f} tokens/s {tps:.0f}")
            window = {"tokens": 0, "time": 0.0, "steps": 0}
        early_stop = False
        if data.eval and (step % cfg.eval_every == 0 or step == total):
            ev = evaluate(cfg, loaded, model, data.eval, ref_eval, d)
            if d.main:
                rep.metrics(step, ev)
            say(f"eval step {step} eval_loss {ev['eval_loss']:.4f}")
            if stopper.enabled:
                improved, early_stop = stopper.update(step, ev["eval_loss"])
                if improved:
                    _save_best(cfg, model, step, ev["eval_loss"], d, rep, say)
        if not math.isfinite(values["loss"]):
            raise FloatingPointError(f"loss is {values['loss']} at step {step}")
        if early_stop:
            message = (f"early stop at step {step}: eval loss did not improve by more than {cfg.early_stopping_min_delta} "
                       f"for {cfg.early_stopping_patience} evaluations; best step {stopper.best_step} (eval loss {stopper.best:.4f})")
            if d.main:
                rep.record({"type": "early_stop", "step": step, "best_step": stopper.best_step, "best_eval_loss": stopper.best,
                            "message": message})
            say(f"[trainer] {message}")
            break
        if cfg.save_every and step % cfg.save_every == 0 and step < total:
            _save(cfg, model, opt, lr_sched, step, d, rep, say, stopper)

    final = os.path.join(cfg.output_dir, "final")
    state = distributed.full_state_dict(model)
    if d.main:
        base = distributed.unwrap(model)
        best = stopper.best_step if stopper.enabled else None
        if best is not None and best != step:
            state = ckpt.load_best(cfg.output_dir)
            say(f"[trainer] final model: the best weights (step {best}, eval loss {stopper.best:.4f}), not step {step}'s")
        if (cfg.fsdp and d.world > 1) or (best is not None and best != step):
            base.load_state_dict(state)
        models.save_final(loaded, base, cfg, final)
        record = {"type": "final", "step": step, "path": final}
        if best is not None:
            record.update(best_step=best, best_eval_loss=stopper.best)
        rep.record(record)
        chosen = f" (weights of step {best}, the best eval loss)" if best is not None else ""
        rep.status("completed", step, f"final model in {final}{chosen}")
        say(f"[trainer] done: final model in {final}{chosen}")
    d.barrier()
    return "completed"


def _save(cfg, model, opt, lr_sched, step, d, rep, say, stopper):
    state = distributed.full_state_dict(model)
    if d.main:
        position = {"kind": cfg.kind, "early_stopping": stopper.state()}
        path = ckpt.save_checkpoint(cfg.output_dir, step, state, opt, lr_sched, position, cfg.keep_checkpoints)
        rep.checkpoint(step, path)
        say(f"[trainer] checkpoint {path}")
    d.barrier()


def _save_best(cfg, model, step, eval_loss, d, rep, say):
    """The weights with the best eval loss so far, outside checkpoint rotation (<output_dir>/best)."""
    state = distributed.full_state_dict(model)
    if d.main:
        path = ckpt.save_best(cfg.output_dir, step, eval_loss, state)
        rep.record({"type": "best", "step": step, "eval_loss": eval_loss, "path": path})
        say(f"[trainer] best eval loss so far at step {step}: weights kept in {path}")
    d.barrier()
