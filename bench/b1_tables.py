#!/usr/bin/env python3
"""Markdown tables of a bench/b1-finetune.sh output folder: accuracy before and after fine-tuning per constraint."""
import json, pathlib, sys

out = pathlib.Path(sys.argv[1])


def run(name):
    lines = [json.loads(l) for l in (out / name / "metrics.jsonl").read_text().splitlines() if l.strip()]
    summary = json.loads((out / f"{name}.json").read_text())
    return lines[0], lines[-1], summary


def pct(e):
    return f"{100 * e['test_accuracy']:.2f}"


_, control, _ = run("control")
base = 100 * control["test_accuracy"]
print(f"Control (fine-tuned without constraints): {base:.2f} %, {control['spikes_per_neuron']:.3f} spikes/neuron\n")
print("| constraint | before fine-tuning (%) | after (%) | after - control (points) | spikes/neuron after |")
print("|---|---|---|---|---|")
rows = [("4-bit weights in [-1, 1]", "weights-4bit"), ("16 time steps per layer (windows fitted 1x)", "time-16steps")]


def runs(prefix):
    """Run folders named prefix + number, by the number."""
    found = [p for p in out.glob(prefix + "*") if p.is_dir()]
    return sorted(found, key=lambda p: float(p.name[len(prefix):]))


rows += [(f"L1 lambda = {p.name[3:]}", p.name) for p in runs("l1-")]
for label, name in rows:
    first, last, _ = run(name)
    print(f"| {label} | {pct(first)} | {pct(last)} | {100 * last['test_accuracy'] - base:+.2f} | {last['spikes_per_neuron']:.3f} |")

print("\n| jitter sigma (tau_c) | before fine-tuning (%) | after (%) | after - control (points) |")
print("|---|---|---|---|")
for p in runs("jitter-"):
    first, last, _ = run(p.name)
    print(f"| {p.name[7:]} | {pct(first)} | {pct(last)} | {100 * last['test_accuracy'] - base:+.2f} |")

print("\n| window scale | hidden window (tau_c) | latency t_read (tau_c) | latency reduction | before fine-tuning (%) | after (%) |")
print("|---|---|---|---|---|---|")
ref = None
for p in reversed(runs("latency-")):
    first, last, summary = run(p.name)
    latency = summary["latency"]
    ref = ref or latency
    print(f"| {p.name[8:]} | {summary['windows'][0]:.2f} | {latency:.2f} | {ref / latency:.2f}x | {pct(first)} | {pct(last)} |")
