#!/usr/bin/env bash
# How long a student waits in `fearless watch`: from a save to the first line of its result (the
# compiler's verdict) and to the end of its report, median of ROUNDS saves per exercise, on copies
# of the reference solutions and of the stubs (bench/WatchLatency.java, a warm watching JVM started
# as ./fearless starts it). Prints a Markdown table.
#   bench/watch.sh [ROUNDS=5]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$home"
./fearless grade solutions -e drop-scope >/dev/null   # builds what is missing, writes the class-data archives
cp -r solutions "$work/solutions"
cp -r exercises "$work/stubs"
rm -rf "$work/solutions/target" "$work/stubs/target"
javac -d "$work/classes" -cp "$(echo "$home"/grader/target/fearless-grader-*.jar):$(cat grader/target/fearless.classpath)" \
  bench/WatchLatency.java
jar cf "$work/bench.jar" -C "$work/classes" .   # jars only: the compiler then maps its class-data archive
echo "| submission | exercise | save to first line | save to whole report |"
echo "| --- | --- | --- | --- |"
for submission in solutions stubs; do
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfearless.home="$home" -Dfearless.cache="$home/grader/target/cds" \
    -cp "$work/bench.jar:$(echo "$home"/grader/target/fearless-grader-*.jar):$(cat grader/target/fearless.classpath)" \
    WatchLatency "$work/$submission" "$rounds" box drop-scope mutex
done
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)."
