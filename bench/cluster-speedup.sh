#!/usr/bin/env bash
# Speedup of parameter averaging on a real standalone Spark cluster on loopback (a Master and two Workers, each
# Worker with 1 core, executors in their own JVMs): the same training with 1 worker x 1 core and with 2 workers x
# 1 core, alternated ROUNDS times. Prints each run's summary and the median speedup of training wall time.
#   bench/cluster-speedup.sh DATA CONFIG ROUNDS [--set key=value]...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$1"; CONFIG="$2"; ROUNDS="$3"; shift 3
ls "$ROOT"/spark-jobs/target/spark-jobs-*.jar >/dev/null 2>&1 || (cd "$ROOT" && mvn -q -B -DskipTests package)
CP="$(ls "$ROOT"/core/target/core-*.jar):$(ls "$ROOT"/data-prep/target/data-prep-*.jar):$(ls "$ROOT"/spark-jobs/target/spark-jobs-*.jar | grep -v -- '-all.jar' | head -1):$(cat "$ROOT/spark-jobs/target/classpath.txt")"
WORK="$(mktemp -d)"
export SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/jars"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
java -Xmx512m -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 --webui-port 18180 \
  > "$WORK/master.log" 2>&1 & pids+=($!)
for i in 1 2; do
  java -Xmx512m -cp "$CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 4g \
    --webui-port $((18180 + i)) --work-dir "$WORK/worker$i" spark://127.0.0.1:7177 > "$WORK/worker$i.log" 2>&1 & pids+=($!)
done
sleep 8
run() {  # workers
  "$ROOT/bin/firstspike" train --master spark://127.0.0.1:7177 --conf spark.cores.max="$1" --conf spark.executor.cores=1 \
    --conf spark.executor.memory=3g --conf "spark.executor.extraClassPath=$CP" \
    --conf spark.executorEnv.OMP_NUM_THREADS=1 --conf spark.executorEnv.OPENBLAS_NUM_THREADS=1 \
    --config "$CONFIG" --data "$DATA" --out "$WORK/run-w$1-$2" --set train.workers="$1" "${@:3}" 2>"$WORK/run-w$1-$2.log"
}
python_median() { python3 -c "import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print(statistics.median(v))" "$@"; }
w1=(); w2=()
for r in $(seq 1 "$ROUNDS"); do
  s1="$(run 1 "$r" "$@")"; echo "W=1 round $r: $s1"
  s2="$(run 2 "$r" "$@")"; echo "W=2 round $r: $s2"
  w1+=("$(echo "$s1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["wall_seconds"])')")
  w2+=("$(echo "$s2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["wall_seconds"])')")
done
m1="$(python_median "${w1[@]}")"; m2="$(python_median "${w2[@]}")"
echo "training wall seconds, median of $ROUNDS: W=1 $m1, W=2 $m2; speedup $(python3 -c "print(round($m1/$m2, 3))")"
