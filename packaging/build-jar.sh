#!/usr/bin/env bash
# Builds scanner/target/failready.jar, the shaded jar every way of running failready uses, and beside it
# failready-bundle.jar, the bundled tree (rules, demo, templates, schemas) on its Class-Path: ./failready
# on first use (and after a change), and the image's build stage (Dockerfile). Tests are not compiled
# or run: this is the jar, not the test suite (./test.sh). Extra arguments go to Maven.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Maven's own JVM with C1 only: the build is a minute of short-lived work (javac over the sources and
# the rule folders, the shade of ~90k entries) on which C2's compile threads cost more than they
# save; measured on 2 cores, 36 s CPU instead of 52 s. A MAVEN_OPTS of your own wins.
export MAVEN_OPTS="${MAVEN_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseParallelGC}"
# -Dmdep.skip: the dependency plugin only finds Mockito's agent for the tests.
GOALS=(-B -Dstyle.color=never -DskipTests -Dmaven.test.skip=true -Dmdep.skip=true package "$@")
cd "$ROOT"
# Offline first: with the dependencies already in ~/.m2 (a second clone, CI with a cached ~/.m2) Maven
# then does not ask a remote repository about each of ~150 artifacts. Online only if something is missing.
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
if mvn -o "${GOALS[@]}" >"$LOG" 2>&1; then
  cat "$LOG"; exit 0
fi
if grep -q "offline mode" "$LOG"; then
  echo "build-jar: dependencies missing from ~/.m2; downloading them..." >&2
  exec mvn "${GOALS[@]}"
fi
cat "$LOG"; exit 1
