#!/usr/bin/env bash
# Failover runbook pre-check: GO or NO-GO for failing over to a region, in one command.
#
#   ci/runbook-precheck.sh eu-west-1                       # live scan with ./failready.yaml
#   ci/runbook-precheck.sh eu-west-1 --config other.yaml
#   ci/runbook-precheck.sh eu-west-1 --report last/report.json --max-age 2h
#   ci/runbook-precheck.sh eu-west-1 --demo                 # try it on the demo estate
#
# Exit 0 = GO; 3 = NO-GO (blocking findings listed); 4 = NO-GO, data missing (fail-closed);
# 2 = bad input or stale report. Runs only the checks that decide whether REGION can take the load
# now (secrets and keys present, capacity, replication and lag, DNS and health checks, residency).
set -uo pipefail
if [[ $# -lt 1 || "$1" == -* ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
TARGET="$1"; shift
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FAILREADY="${FAILREADY:-$HERE/../failready}"

args=("$@")
if [[ " ${args[*]:-} " != *" --demo "* && " ${args[*]:-} " != *" --report "* && " ${args[*]:-} " != *" --snapshot "* ]]; then
  # default: a fresh scan of the configured estate, kept as evidence of the decision
  CONFIG="failready.yaml"
  if [[ " ${args[*]:-} " != *" --config "* ]]; then args+=(--config "$CONFIG"); fi
  OUT="failready-precheck-$(date -u +%Y%m%dT%H%M%SZ)"
  "$FAILREADY" scan "${args[@]}" --out "$OUT" --format json,md >/dev/null
  code=$?
  if [[ $code -eq 1 || $code -eq 2 ]]; then echo "precheck: scan failed (exit $code)" >&2; exit $code; fi
  args=(--report "$OUT/report.json")
fi

echo "Failover pre-check: -> $TARGET  ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
"$FAILREADY" gate --to "$TARGET" "${args[@]}"
code=$?
case $code in
  0) echo "=> GO: $TARGET can take the load." ;;
  3) echo "=> NO-GO: fix or waive the blocking findings above before failing over." ;;
  4) echo "=> NO-GO: blocking checks lacked data; re-run with the audit role, or accept with --allow-unknown." ;;
  *) echo "=> pre-check could not decide (exit $code)." ;;
esac
exit $code
