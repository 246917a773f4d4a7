"""xinstruct's trainer: SFT and DPO fine-tuning of causal LMs that reports metrics to the app.

Run as `python3 -m trainer sft --config job.json` (or `dpo`), alone or under torchrun.
Only torch is needed at import time; transformers / peft are imported when a real Hugging Face
model or LoRA is asked for, so the pure parts and the tiny test model run with torch alone.
"""
