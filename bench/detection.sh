#!/usr/bin/env bash
# Measures how reliably the race checks, which rest on real scheduling, catch the mutants they are
# meant to catch, and how reliably the solutions keep full marks: every mutant that trips a race
# check, and the solutions, graded N times with seeds 1..N (default 20). The figures go into
# BENCHMARKS.md; `./fearless calibrate --runs N` does the same for every mutant.
#   bench/detection.sh [RUNS]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec "$home/fearless" calibrate --runs "${1:-20}" --category race --out "${TMPDIR:-/tmp}/fearless-detection"
