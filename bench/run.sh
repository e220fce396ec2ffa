#!/usr/bin/env bash
# The benchmark in one command: builds the jar if needed (through the launcher), generates the
# 10k / 100k / 1M-resource estates into bench/work/ (kept across runs until the generator changes),
# measures every #19 target as separate processes -- including the first `./failready scan --demo`
# on a fresh clone of HEAD -- and writes bench/results.md (about 10-12 minutes on an idle 2-core
# machine). Runs disturbed by other processes are discarded and retried; see the results file.
# Pass --quick for a fast subset (no 1M estate, no fresh clone, 3 runs per stage: ~3 minutes).
# Extra flags go to 'failready bench run' (see ./failready bench run --help).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./failready bench run --out bench/results.md --work bench/work "$@"
