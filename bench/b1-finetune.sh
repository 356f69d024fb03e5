#!/usr/bin/env bash
# Hardware-constraint fine-tuning of a trained B1 model (docs/RESULTS.md section 6): 4-bit weights, 16 time steps per
# layer, L1 sparsity, a spike-time jitter sweep and latency reduction. Every run starts from MODEL and fine-tunes
# EPOCHS epochs at lr 1e-4 (cosine); "before" is the model under the constraint with no fine-tuning (epoch 0 of the
# run), "after" the last epoch. A control run fine-tunes without constraints. Prints Markdown tables.
#   bench/b1-finetune.sh MODEL DATA OUT [EPOCHS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODEL="$1"; DATA="$2"; OUT="$3"; EPOCHS="${4:-3}"
FS="$ROOT/bin/firstspike"
mkdir -p "$OUT"
finetune() {  # NAME INIT key=value...
  local name="$1" init="$2"; shift 2
  local args=()
  for kv in "$@"; do args+=(--set "$kv"); done
  echo "== $name: $*" >&2
  "$FS" train-local --config "$ROOT/conf/b1-fc2.properties" --data "$DATA" --init "$init" --epochs "$EPOCHS" \
    --set train.lr=1e-4 --out "$OUT/$name" "${args[@]}" > "$OUT/$name.json" 2> "$OUT/$name.log"
}
fitted() {  # NAME SCALE: the model with fixed windows of SCALE x the largest training activation, early spikes clamped
  "$FS" convert --model "$MODEL" --data "$DATA" --window-scale "$2" --set b1.windows=fixed --set b1.earlySpikes=clamp \
    --out "$OUT/$1.fspk" > "$OUT/$1.convert.json" 2> "$OUT/$1.convert.log"
}
FIXED=(b1.windows=fixed b1.earlySpikes=clamp)
finetune control "$MODEL"
finetune weights-4bit "$MODEL" hw.weightBits=4
fitted window-1 1.0
finetune time-16steps "$OUT/window-1.fspk" "${FIXED[@]}" hw.timeBits=4
for l1 in 0.0003 0.001 0.01; do finetune "l1-$l1" "$MODEL" b1.l1=$l1; done
for sigma in 0.01 0.02 0.05 0.1 0.2; do finetune "jitter-$sigma" "$MODEL" hw.jitter=$sigma; done
for scale in 1 0.5 0.25 0.125; do
  fitted "window-$scale" "$scale"
  finetune "latency-$scale" "$OUT/window-$scale.fspk" "${FIXED[@]}"
done
python3 "$ROOT/bench/b1_tables.py" "$OUT"
