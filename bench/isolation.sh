#!/usr/bin/env bash
# What isolation costs: the reference solutions graded by the engine (compile, scan, a child JVM
# per exercise, the sandbox) against the same checks run bare in one JVM (bench/BareRun.java),
# RUNS times each, alternating, on the same machine in the same run. Prints both medians and
# their ratio (the target is at most 1.5), in wall-clock seconds including each JVM's start.
#   bench/isolation.sh [RUNS=5]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$home"
mvn -q -B -DskipTests install >&2
mvn -q -B -pl grader dependency:build-classpath -Dmdep.outputFile="$work/grader.classpath" >&2
deps=$(cat "$work/grader.classpath")
agent=$(tr ':' '\n' <<<"$deps" | grep '/byte-buddy-agent-' | head -1)
cp="$home/grader/target/classes:$home/solutions/target/classes:$home/api/target/classes:$deps"
"$home/fearless" grade solutions --format json --out "$work/warm" >/dev/null # builds the command line
javac -d "$work" -cp "$cp" "$home/bench/BareRun.java"
seconds() { local s; s=$(date +%s.%N); "$@" >"$work/last.txt" 2>&1; echo "$(date +%s.%N) - $s" | bc; }
graded=(); bare=()
for _ in $(seq "$runs"); do
  graded+=("$(seconds "$home/fearless" grade solutions --format json --out "$work/out")")
  bare+=("$(seconds java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -javaagent:"$agent" -Dfearless.seed=42 \
    -Dfearless.submission.classes="$home/solutions/target/classes" -Dfearless.exercise.packages=fearless.solutions \
    -cp "$work:$cp" BareRun)")
  grep -q "0 failed" "$work/last.txt" || { echo "the bare run failed:"; cat "$work/last.txt"; exit 1; }
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
g=$(median "${graded[@]}"); b=$(median "${bare[@]}")
printf '| graded (isolated) | bare (one JVM) | ratio |\n| --- | --- | --- |\n| %.2f s | %.2f s | %.2f |\n' "$g" "$b" "$(echo "$g / $b" | bc -l)"
