#!/usr/bin/env bash
# Speedup of a hyperparameter sweep from running trials side by side: the same 12-trial sweep on local[2] and on
# local[1] (trials one after another), each into a fresh output folder, alternated ROUNDS times. The trials are SMLP
# variants on a Fashion-MNIST subset (40,000 train / 5,000 test images, 4 widths x 3 learning rates, 3 epochs): much
# smaller ones take a second or two, too little next to the start-up and data reading that no number of cores
# shortens. Prints both wall times per round (the whole command, and the trials alone from summary.json), the CPU
# time of the local[2] run over its wall time (how many cores were busy on average) and the speedups.
#   bench/sweep-speedup.sh [PREPARED_DIR [ROUNDS]] [--set key=value]...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:-$ROOT/data/fashion-mnist}"; ROUNDS="${2:-1}"; shift $(( $# < 2 ? $# : 2 ))
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/sweep.properties" <<SWEEP
sweep.base = $ROOT/conf/smlp.properties
grid.model.layers = FC400-FC10, FC600-FC10, FC800-FC10, FC1000-FC10
grid.train.lr = 0.003, 0.001, 0.0003
set.train.epochs = 3
set.train.trainLimit = 40000
set.train.testLimit = 5000
SWEEP
"$ROOT/bin/firstspike" sweep >/dev/null 2>&1 || true  # the launcher builds here if sources changed (not timed)
run() {  # cores round: prints wall seconds, trial seconds, and CPU seconds (user + system) of the whole command
  local out="$WORK/local$1-$2"
  /usr/bin/time -f "%e %U %S" -o "$out.time" "$ROOT/bin/firstspike" sweep --master "local[$1]" --sweep "$WORK/sweep.properties" \
    --data "$DATA" --out "$out" "${@:3}" >"$out.table" 2>"$out.log"
  python3 -c "import json,sys; s=json.load(open('$out/summary.json')); assert s['done']==12, s; w,u,y=map(float,open('$out.time').read().split()[-3:]); print(round(w, 1), round(s['train_seconds'], 1), round(u + y, 1))"
}
for r in $(seq 1 "$ROUNDS"); do
  read -r c2 t2 u2 <<<"$(run 2 "$r" "$@")"
  read -r c1 t1 u1 <<<"$(run 1 "$r" "$@")"
  echo "round $r: local[1] ${c1}s (trials ${t1}s, CPU ${u1}s), local[2] ${c2}s (trials ${t2}s, CPU ${u2}s = $(python3 -c "print(round($u2/$c2, 2))") cores busy on average); speedup $(python3 -c "print(round($c1/$c2, 2))") whole command, $(python3 -c "print(round($t1/$t2, 2))") trials"
done
echo "results of the last round:"; cat "$WORK/local2-$ROUNDS.table"
