#!/usr/bin/env python3
"""Prints a Markdown table of the runs under a folder: per run, test accuracy by epoch and the final metrics."""
import json, pathlib, sys

root = pathlib.Path(sys.argv[1])
rows = []
for metrics in sorted(root.glob("*/metrics.jsonl")):
    epochs = [json.loads(l) for l in metrics.read_text().splitlines() if l.strip()]
    trained = [e for e in epochs if e["epoch"] > 0]
    if not trained:
        continue
    init, last = epochs[0], trained[-1]
    curve = " / ".join(f"{100 * e['test_accuracy']:.2f}" for e in trained)
    best = max(e["test_accuracy"] for e in trained)
    sps = sum(e["train_samples_per_s"] for e in trained) / len(trained)
    init_layers = ", ".join(f"{v:.3f}" for v in init["spikes_per_neuron_by_layer"])
    rows.append((metrics.parent.name, curve, 100 * best, last["spikes_per_neuron"], last["mean_first_spike_step"],
                 init_layers, sps))
print("| run | test acc by epoch (%) | best (%) | spikes/neuron | first output spike step | spikes/neuron by layer at init | train samples/s |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    first = "–" if r[4] is None else f"{r[4]:.3f}"  # B1 / ReLU outputs do not spike
    print(f"| {r[0]} | {r[1]} | {r[2]:.2f} | {r[3]:.3f} | {first} | {r[5]} | {r[6]:,.0f} |")
