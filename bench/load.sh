#!/usr/bin/env bash
# Grades the reference solutions RUNS times (seeds 1..RUNS) while BUSY busy-loop processes compete
# for the cores, as on a shared CI runner or a batch grading more jobs than cores. A correct
# submission must never lose a point, however slow the machine: prints each run's score and time,
# then the false failures (checks the solutions lost) and the median time.
#   bench/load.sh [RUNS=50] [BUSY=4] [grade options...]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-50}
busy=${2:-4}
shift $(( $# < 2 ? $# : 2 ))
out=$(mktemp -d)
pids=()
stop_load() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"; }
trap stop_load EXIT
"$home/fearless" grade solutions --exercise mutex --out "$out/warm" --format json >/dev/null 2>&1 # builds first
for _ in $(seq "$busy"); do
  ( while :; do :; done ) &
  pids+=($!)
done
echo "| run | seed | score | seconds | load average | lost |"
echo "| --- | --- | --- | --- | --- | --- |"
failures=0
times=()
for seed in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$home/fearless" grade solutions --seed "$seed" --format json --out "$out/$seed" "$@" >/dev/null 2>&1 || true
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$secs")
  report="$out/$seed/report.json"
  score=$(jq -r '"\(.score)/\(.maxScore)"' "$report")
  lost=$(jq -r '[.exercises[].checks[] | select(.status != "passed") | "\(.id) (\(.status))"] | join(", ")' "$report")
  [ -n "$lost" ] && failures=$((failures + 1))
  printf '| %s | %s | %s | %.1f | %s | %s |\n' "$seed" "$seed" "$score" "$secs" "$(cut -d' ' -f1 /proc/loadavg)" "$lost"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo
echo "runs with a lost point: $failures of $runs ($busy busy loops on $(nproc) cores); median ${median} s"
