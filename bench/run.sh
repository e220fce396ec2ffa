#!/usr/bin/env bash
# The benchmark in one command: builds the jar if needed (through the launcher), generates the
# 10k / 100k / 1M-resource estates into bench/work/, measures every stage as separate processes
# and writes bench/results.md. Pass --quick for a fast subset (no 1M estate, 3 runs per stage).
# Extra flags go to 'failready bench run' (see ./failready bench run --help).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./failready bench run --out bench/results.md --work bench/work "$@"
