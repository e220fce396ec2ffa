#!/usr/bin/env bash
# Runs the commands of every CI example against the demo estate with the built jar, so the
# examples cannot rot: each must parse, and each failready command in it must be accepted and
# answer with a verdict (0, 3 or 4), never a usage error (2) or crash (1).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FR="$ROOT/failready"
# No class-data archives: a test leaves no detached archive builder behind (see ./failready).
export FAILREADY_CDS=off
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
fail=0
expect_verdict() {  # expect_verdict DESCRIPTION CMD...
  local what="$1"; shift
  set +e; "$@" >"$WORK/last.out" 2>&1; local code=$?; set -e
  if [[ $code -eq 0 || $code -eq 3 || $code -eq 4 ]]; then
    echo "ok    $what (exit $code)"
  else
    echo "FAIL  $what (exit $code)"; sed 's/^/      /' "$WORK/last.out"; fail=1
  fi
}

# The demo's inventory was collected at a fixed time (2026-11-20T06:00:00Z), so the examples' --max-age
# would rightly refuse it today. The gates judge it half an hour after collection instead: --max-age is
# still checked, against the demo's own clock, and the check below proves the staleness is not hidden.
DEMO_CLOCK="2026-11-20T06:30:00Z"

# Every failready command line in the examples, with the live config swapped for the demo estate.
extract() { grep -ho "\./failready [^|']*" "$ROOT"/ci/github-actions.yml "$ROOT"/ci/gitlab-ci.yml "$ROOT"/ci/Jenkinsfile \
  | sed -e 's/ *$//' -e 's/--config failready.yaml//' -e 's/ || .*//' | awk '!seen[$0]++'; }
while IFS= read -r cmd; do
  sub=$(echo "$cmd" | awk '{print $2}')
  rest=$(echo "$cmd" | cut -d' ' -f3-)
  case "$sub" in
    scan) expect_verdict "$cmd" "$FR" scan --demo $rest ;;
    gate) expect_verdict "$cmd" "$FR" gate $rest --as-of "$DEMO_CLOCK" ;;
    *) echo "FAIL  unknown failready command in an example: $cmd"; fail=1 ;;
  esac
done < <(extract)
set +e; "$FR" gate --report failready-out/report.json --max-age 1h >"$WORK/last.out" 2>&1; code=$?; set -e
if [[ $code -eq 2 ]]; then echo "ok    the demo report without --as-of is refused as stale (exit 2)"
else echo "FAIL  the demo report without --as-of passed --max-age 1h (exit $code)"; sed 's/^/      /' "$WORK/last.out"; fail=1; fi
[[ -s failready-out/summary.md ]] || { echo "FAIL  examples post failready-out/summary.md but it was not written"; fail=1; }
[[ -s failready-out/junit.xml ]] || { echo "FAIL  examples publish failready-out/junit.xml but it was not written"; fail=1; }

expect_verdict "runbook pre-check on the demo" "$ROOT/ci/runbook-precheck.sh" eu-west-1 --demo --out precheck-demo
grep -q "NO-GO\|=> GO" "$WORK/last.out" || { echo "FAIL  runbook pre-check printed no GO/NO-GO"; fail=1; }
for fact in "^  INVENTORY collected " "^  COUNTS [0-9]* blocking, [0-9]* lacking data" "^  RUNBOOK failover: https://" "^Report: precheck-demo/report.json"; do
  grep -q "$fact" "$WORK/last.out" || { echo "FAIL  runbook pre-check output lacks '$fact'"; fail=1; }
done
[[ -s precheck-demo/report.json ]] || { echo "FAIL  runbook pre-check --demo did not write the report it names"; fail=1; }
expect_verdict "runbook failback pre-check on the demo" "$ROOT/ci/runbook-precheck.sh" us-east-1 --failback --demo --out precheck-failback
grep -q "NO-GO  payments failback eu-west-1 -> us-east-1" "$WORK/last.out" || { echo "FAIL  runbook failback pre-check did not judge eu-west-1 -> us-east-1"; fail=1; }
expect_verdict "runbook pre-check on a saved report" "$ROOT/ci/runbook-precheck.sh" eu-west-1 --report failready-out/report.json
expect_verdict "runbook pre-check on a saved report, --config=FILE" "$ROOT/ci/runbook-precheck.sh" eu-west-1 \
  --report=failready-out/report.json --config="$ROOT/demo/payments.yaml" --fail-on CRITICAL
grep -q "fail on CRITICAL" "$WORK/last.out" || { echo "FAIL  runbook pre-check did not pass --fail-on to the gate"; fail=1; }
set +e; "$ROOT/ci/runbook-precheck.sh" --help >"$WORK/last.out" 2>&1; code=$?; set -e
if [[ $code -ne 0 ]] || ! grep -q "^Usage: ci/runbook-precheck.sh REGION" "$WORK/last.out" || grep -q "set -uo" "$WORK/last.out"; then
  echo "FAIL  runbook pre-check --help (exit $code)"; sed 's/^/      /' "$WORK/last.out"; fail=1
else
  echo "ok    runbook pre-check --help"
fi

# The example user rule folder (DRL + decision class + doc + fixtures) passes its own fixtures,
# compiled at load time as every user rule directory is.
set +e; "$FR" rules test "$ROOT/examples/custom-rules" >"$WORK/last.out" 2>&1; code=$?; set -e
if [[ $code -eq 0 ]] && grep -q "^[1-9][0-9]* passed, 0 failed" "$WORK/last.out"; then
  echo "ok    rules test examples/custom-rules"
else
  echo "FAIL  rules test examples/custom-rules (exit $code)"; sed 's/^/      /' "$WORK/last.out"; fail=1
fi
exit $fail
