#!/usr/bin/env bash
# Measures how reliably the race checks catch the mutants they are meant to catch, and how
# reliably the solutions pass them: every such mutant, and the solutions, graded N times with
# seeds 1..N (default 20). Prints a Markdown table; paste it into BENCHMARKS.md.
#   bench/detection.sh [RUNS]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$home"
mvn -q -B -DskipTests install >&2
mvn -q -B -pl grader test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test.classpath >&2
cd grader
exec java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
  fearless.grader.calibration.DetectionRate "${1:-20}"
