#!/usr/bin/env bash
# Trains one config under several --set variants, one after another, into runs/<name>/<variant>/, then prints a
# Markdown table of the results. Usage: bench/run-variants.sh NAME CONFIG EPOCHS "label|k=v k=v" ...
# Variants run with one BLAS thread each so that two sweeps can share the machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="$1"; config="$2"; epochs="$3"; shift 3
mkdir -p "$ROOT/runs/$name"
for variant in "$@"; do
  label="${variant%%|*}"; sets="${variant#*|}"
  out="$ROOT/runs/$name/$label"
  args=()
  for kv in $sets; do args+=(--set "$kv"); done
  echo "== $name/$label: $sets" >&2
  "$ROOT/bin/firstspike" train-local --config "$config" --epochs "$epochs" --out "$out" \
      --set train.threads=1 "${args[@]}" > "$out.summary.json" 2> "$out.log" || echo "FAILED: see $out.log" >&2
done
python3 "$ROOT/bench/summarize.py" "$ROOT/runs/$name"
