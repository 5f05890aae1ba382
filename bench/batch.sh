#!/usr/bin/env bash
# How fast `fearless batch` grades a class: COPIES copies of the reference solutions and COPIES of
# the stubs as committed (`git archive HEAD:exercises`), graded with --jobs 1 and with --jobs 2
# (a fresh OUT each, median of ROUNDS batches), then a rerun with nothing changed (median of 5,
# hashing only). Prints a Markdown table with the cores the machine kept busy on average (from
# /proc/stat, so other work shows too); the targets are jobs 2 at 1.6x the throughput of jobs 1
# on 2 cores, and a rerun under 2 s.
#   bench/batch.sh [COPIES=20] [EXERCISES=all, or a comma list] [ROUNDS=1]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
copies=${1:-20}
exercises=${2:-}
rounds=${3:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$home"
./fearless grade solutions -e box >/dev/null   # builds what is missing, writes the class-data archives
mkdir -p "$work/stubs" "$work/class"
git archive HEAD:exercises | tar -x -C "$work/stubs"
for i in $(seq -w 1 "$copies"); do
  mkdir -p "$work/class/solution-$i" "$work/class/stub-$i"
  cp -r solutions/src "$work/class/solution-$i/"
  cp -r "$work/stubs/src" "$work/class/stub-$i/"
done
selection=()
[ -n "$exercises" ] && selection=(--exercise "$exercises")
submissions=$((2 * copies))

# Core-seconds the whole machine has spent busy since boot (user, nice, system, irq, softirq, steal).
busy() { awk '/^cpu / { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / 100 }' /proc/stat; }

# Seconds one batch takes, the exit code checked; the cores it kept busy on average go to $work/cores.
batch() {
  local start end busy_start busy_end
  start=$(date +%s.%N); busy_start=$(busy)
  ./fearless batch "$work/class" "${selection[@]}" --progress lines "$@" >/dev/null
  end=$(date +%s.%N); busy_end=$(busy)
  awk -v a="$busy_start" -v b="$busy_end" -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", (b - a) / (e - s) }' \
    >> "$work/cores-$jobs"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

declare -A seconds
for jobs in 1 2; do
  seconds[$jobs]=$(for r in $(seq 1 "$rounds"); do
    batch --jobs "$jobs" --out "$work/out-$jobs-$r"
  done | median)
done
jobs=rerun
rerun=$(for r in 1 2 3 4 5; do batch --jobs 2 --out "$work/out-2-1"; done | median)
grep -q "graded" "$work/out-2-1/gradebook.csv"

rate() { awk -v n="$submissions" -v s="$1" 'BEGIN { printf "%.2f", n / s }'; }
cores() { median < "$work/cores-$1"; }
echo "| batch of $submissions submissions (exercises: ${exercises:-all}) | seconds | submissions/s | cores busy |"
echo "| --- | --- | --- | --- |"
echo "| --jobs 1 (median of $rounds) | ${seconds[1]} | $(rate "${seconds[1]}") | $(cores 1) |"
echo "| --jobs 2 (median of $rounds) | ${seconds[2]} | $(rate "${seconds[2]}") | $(cores 2) |"
echo "| rerun, nothing changed (median of 5) | $rerun | $(rate "$rerun") | |"
echo
echo "jobs 2 over jobs 1: $(awk -v a="${seconds[1]}" -v b="${seconds[2]}" 'BEGIN { printf "%.2f", a / b }')x the throughput" \
  "(target: 1.6x on 2 cores); rerun $rerun s (target: under 2 s)."
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)."
