#!/usr/bin/env bash
# The checks' power measured independently of the project's own mutants: PIT mutates the
# reference solutions' bytecode and runs the graded checks against each of its mutants, in one
# JVM as plain JUnit tests (no sandbox, no scan: PIT's mutants are the kit's own code). The
# mutation score is the share of PIT's mutants that some check kills; the survivors are listed in
# DIR/mutations.csv and reviewed in BENCHMARKS.md (killed by a new check, or explained).
#   bench/pit.sh [DIR=target/pit] [more PIT options, e.g. --mutators STRONGER; about 2 minutes on 2 cores]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "${1:-$home/target/pit}")
shift $(( $# > 0 ? 1 : 0 ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$home"
mvn -q -B -DskipTests install >&2
mvn -q -B -pl grader dependency:build-classpath -Dmdep.outputFile="$work/grader.classpath" >&2

# PIT at the versions pinned in the parent POM, resolved through a throwaway POM that inherits them.
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.fearless</groupId>
    <artifactId>fearless-parent</artifactId>
    <version>$version</version>
    <relativePath>$home/pom.xml</relativePath>
  </parent>
  <artifactId>fearless-pit</artifactId>
  <dependencies>
    <dependency><groupId>org.pitest</groupId><artifactId>pitest-command-line</artifactId><version>\${pitest.version}</version></dependency>
    <dependency><groupId>org.pitest</groupId><artifactId>pitest-junit5-plugin</artifactId><version>\${pitest-junit5.version}</version></dependency>
  </dependencies>
</project>
POM
mvn -q -B -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/pit.classpath" >&2

deps=$(cat "$work/grader.classpath")
agent=$(tr ':' '\n' <<<"$deps" | grep '/byte-buddy-agent-' | head -1)
classes="$home/grader/target/classes:$home/solutions/target/classes:$home/api/target/classes"
mkdir -p "$out"
start=$(date +%s)
java -cp "$classes:$deps:$(cat "$work/pit.classpath")" org.pitest.mutationtest.commandline.MutationCoverageReport \
  --reportDir "$out" --timestampedReports=false --outputFormats HTML,CSV \
  --targetClasses 'fearless.solutions.*' --targetTests 'fearless.grader.checks.*' \
  --mutableCodePaths "$home/solutions/target/classes" --sourceDirs "$home/solutions/src/main/java" \
  --threads "$(nproc)" --timeoutConst 8000 --mutators DEFAULTS \
  --jvmArgs "-javaagent:$agent,-Dfearless.seed=42,-Dfearless.submission.classes=$home/solutions/target/classes,-Dfearless.exercise.packages=fearless.solutions" \
  "$@"
echo "PIT took $(( $(date +%s) - start )) s; report in $out/index.html, every mutant in $out/mutations.csv"
