#!/usr/bin/env bash
# Times grading after a warm build: the reference solutions, the stubs, and a submission whose
# mutex deadlocks (unlock never wakes the waiters). Median of N runs each (default 5); prints the
# figures as Markdown for BENCHMARKS.md.
#   bench/grade.sh [RUNS]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
cd "$home"

./fearless grade solutions -e box >/dev/null   # warm: builds if needed

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r solutions/src "$work/src"
sed -i 's/monitor.notifyAll();//' "$work/src/main/java/fearless/solutions/mutex/BasicMutex.java"

median_ms() { # command...
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

solutions=$(median_ms ./fearless grade solutions)
stubs=$(median_ms ./fearless grade exercises)
deadlock=$(median_ms ./fearless grade "$work")
per_exercise=""
for e in $(sed -n 's/^      - id: //p' grader/src/main/resources/fearless/course.yaml); do
  per_exercise+="| \`./fearless grade solutions -e $e\` | $(median_ms ./fearless grade solutions -e "$e") ms | |"$'\n'
done

{
  echo "Wall time of whole \`./fearless\` commands after a warm build (JVM start, compile, child JVM,"
  echo "checks, report), median of $runs runs, on $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Measured $(date -u +%Y-%m-%d) with \`bench/grade.sh $runs\`."
  echo
  echo "| command | median | target |"
  echo "| --- | --- | --- |"
  echo "| \`./fearless grade solutions\` | $solutions ms | <= 15000 ms |"
  echo "| \`./fearless grade exercises\` (stubs) | $stubs ms | <= 5000 ms |"
  echo "| a submission whose mutex deadlocks | $deadlock ms | <= 30000 ms |"
  printf '%s' "$per_exercise"
  echo
  echo "Ratios: stubs/solutions = $(awk "BEGIN {printf \"%.2f\", $stubs/$solutions}"),"\
       "deadlock/solutions = $(awk "BEGIN {printf \"%.2f\", $deadlock/$solutions}")."
}
