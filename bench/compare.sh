#!/usr/bin/env bash
# Times `./fearless grade solutions` here against an earlier commit, side by side: runs alternate
# (earlier, here in each sandbox mode) so that drift in the machine's speed hits all alike.
# Prints medians and ratios, the figures BENCHMARKS.md quotes.
#   bench/compare.sh REF [RUNS]      e.g. bench/compare.sh 7beb009 9
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ref=${1:?usage: bench/compare.sh REF [RUNS]}
runs=${2:-7}
cd "$home"

old=$(mktemp -d)
trap 'git worktree remove --force "$old" >/dev/null 2>&1 || rm -rf "$old"' EXIT
git worktree add --detach "$old" "$ref" >/dev/null 2>&1
(cd "$old" && mvn -q -B -DskipTests -pl api,grader -am package >/dev/null && touch grader/target/fearless.classpath)
./fearless grade solutions -e box >/dev/null   # warm: builds if needed

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -a before auto none
for _ in $(seq "$runs"); do
  before+=("$(ms "$old/fearless" grade solutions)")
  auto+=("$(ms ./fearless grade solutions --sandbox auto)")
  none+=("$(ms ./fearless grade solutions --sandbox none)")
done
b=$(printf '%s\n' "${before[@]}" | median)
a=$(printf '%s\n' "${auto[@]}" | median)
n=$(printf '%s\n' "${none[@]}" | median)
sandbox=$(./fearless grade solutions -e drop-scope | head -1 | sed 's/.*sandbox \([a-z]*\)).*/\1/')
echo "| \`./fearless grade solutions\`, $runs runs alternating, $(nproc) cores | median | ratio to $ref |"
echo "| --- | --- | --- |"
echo "| at $ref | $b ms | 1.00 |"
echo "| here, \`--sandbox auto\` (ran: $sandbox) | $a ms | $(awk "BEGIN {printf \"%.2f\", $a/$b}") |"
echo "| here, \`--sandbox none\` | $n ms | $(awk "BEGIN {printf \"%.2f\", $n/$b}") |"
