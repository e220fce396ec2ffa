#!/usr/bin/env bash
# Failover (and failback) runbook pre-check: GO or NO-GO for moving the load to a region, in one command. It writes
# (or reads) a JSON report, then asks `failready gate --to REGION` with the configuration's gate
# policy. Run with --help for usage.
set -uo pipefail

usage() {
  cat <<'EOF'
Usage: ci/runbook-precheck.sh REGION [OPTIONS]

GO or NO-GO for failing over to REGION, with the configuration's gate policy. Runs only the checks
that decide whether REGION can take the load now (secrets and keys present, capacity, replication
and lag, DNS and health checks, residency).

  ci/runbook-precheck.sh eu-west-1                          live scan with ./failready.yaml
  ci/runbook-precheck.sh eu-west-1 --config other.yaml      live scan with another configuration
  ci/runbook-precheck.sh eu-west-1 --report last/report.json --config failready.yaml --max-age 2h
  ci/runbook-precheck.sh eu-west-1 --snapshot snap.json.gz --config failready.yaml
  ci/runbook-precheck.sh eu-west-1 --demo                   try it on the demo estate
  ci/runbook-precheck.sh eu-west-1 --baseline last-good.json.gz
                                                            during an outage of the primary region

During an outage (incident use): pass --baseline with the last good snapshot of the estate (a
scheduled scan's --snapshot-out, at most --max-baseline-age old, default 7d). A primary region that
answers no call is given up on after a few calls and the baseline stands in for it, while REGION is
read live; the findings that used it say "from baseline, N h old", and replication lag measured in
the primary lacks data (accept it knowingly with --warn-only REPLICATION_LAG_WITHIN_RPO). Without
--baseline such a pre-check says NO-GO, data missing. A stale, future-dated or mismatched baseline
is refused (exit 2) before AWS is read.

Failback (after a failover, returning to the primary region): pass the PRIMARY region and
--failback. The scan then judges recovery-to-primary: the recovery region as source, the primary
as target (data copied back, capacity and builds in the primary); --from REGION picks the recovery
region the load returns from when there are several. A saved --report must hold a failback result
(scan/evaluate --direction recovery-to-primary or both); a failover report is refused (exit 2).

  ci/runbook-precheck.sh us-east-1 --failback               live scan, failback to us-east-1
  ci/runbook-precheck.sh us-east-1 --failback --from eu-west-1 --snapshot snap.json.gz --config failready.yaml
  ci/runbook-precheck.sh us-east-1 --failback --demo        the demo's failback: what blocks returning

Every other option goes to failready: scan options (--profile, --role-name, --accounts,
--organization, --endpoint-url, ...) to the scan, gate options (--fail-on, --min-score,
--block-rule, --block-section, --warn-only, --allow-unknown, --max-age, --waivers, --workload,
--max-lines, --decision-out) to the gate, and --rules and --as-of to both. --out DIR sets where
the report is written (default: failready-precheck-<UTC time>); --format adds report formats to
json and md.

Prints the verdict, the inventory age, the blocking and lacking-data counts, the runbook links
from the configuration, and the report it decided from.

Exit 0 = GO; 3 = NO-GO (blocking findings listed); 4 = NO-GO, data missing (fail-closed);
2 = bad input or stale report; 1 = internal error.
EOF
}

die_usage() { echo "runbook-precheck: $1" >&2; echo "Run 'ci/runbook-precheck.sh --help' for usage." >&2; exit 2; }

if [[ $# -ge 1 && ( "$1" == "-h" || "$1" == "--help" ) ]]; then usage; exit 0; fi
[[ $# -ge 1 ]] || die_usage "the target REGION is missing."
[[ "$1" != -* ]] || die_usage "the first argument must be the target REGION, not the option '$1'."
[[ "$1" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || die_usage "'$1' is not an AWS region name (such as eu-west-1)."
TARGET="$1"; shift
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FAILREADY="${FAILREADY:-$HERE/../failready}"

# Gate options and whether they take a value; anything else goes to the scan (or evaluate).
declare -A GATE_OPT=([--fail-on]=1 [--min-score]=1 [--block-rule]=1 [--block-section]=1 [--warn-only]=1 [--max-age]=1
  [--waivers]=1 [--workload]=1 [--max-lines]=1 [--allow-unknown]=0 [--decision-out]=1)
# Options both need: the gate re-derives severities from the rule catalog (so it needs the same
# rule directories as the scan) and judges the inventory's age on the same clock.
declare -A BOTH_OPT=([--rules]=1 [--as-of]=1 [--from]=1)

mode=scan; config=""; report=""; snapshot=""; out=""; formats="json,md"; direction=()
gate_args=(); other_args=(); both_args=()
while [[ $# -gt 0 ]]; do
  arg="$1"; shift
  name="${arg%%=*}"; value=""; has_value=no
  if [[ "$arg" == *=* && "$arg" == --* ]]; then value="${arg#*=}"; has_value=yes; fi
  case "$name" in
    -h|--help) usage; exit 0 ;;
    --demo) [[ $has_value == no ]] || die_usage "--demo takes no value."; mode=demo ;;
    --failback) [[ $has_value == no ]] || die_usage "--failback takes no value."; direction=(--direction recovery-to-primary) ;;
    -c|--config|-r|--report|-s|--snapshot|--out|--format)
      if [[ $has_value == no ]]; then [[ $# -gt 0 && "$1" != -* ]] || die_usage "$name needs a value."; value="$1"; shift; fi
      case "$name" in
        -c|--config) config="$value" ;;
        -r|--report) report="$value"; mode=report ;;
        -s|--snapshot) snapshot="$value"; mode=snapshot ;;
        --out) out="$value" ;;
        --format) formats="json,md,$value" ;;   # the decision needs the JSON report; more formats are welcome
      esac ;;
    --*)
      if [[ -n "${BOTH_OPT[$name]+x}" ]]; then
        if [[ $has_value == no ]]; then
          [[ $# -gt 0 && "$1" != -* ]] || die_usage "$name needs a value."
          gate_args+=("$arg" "$1"); both_args+=("$arg" "$1"); shift
        else
          gate_args+=("$arg"); both_args+=("$arg")
        fi
      elif [[ -n "${GATE_OPT[$name]+x}" ]]; then
        if [[ ${GATE_OPT[$name]} == 1 && $has_value == no ]]; then
          [[ $# -gt 0 ]] || die_usage "$name needs a value."
          gate_args+=("$arg" "$1"); shift
        else
          gate_args+=("$arg")
        fi
      elif [[ $has_value == no && $# -gt 0 && "$1" != -* ]]; then
        other_args+=("$arg" "$1"); shift   # an option of scan or evaluate with its value
      else
        other_args+=("$arg")   # failready itself refuses an option it does not know (exit 2)
      fi ;;
    *) die_usage "unexpected argument '$arg' (the target region comes first, once)." ;;
  esac
done
[[ -z "$report" || -z "$snapshot" ]] || die_usage "give --report or --snapshot, not both."
[[ $mode != demo || ( -z "$report" && -z "$snapshot" ) ]] || die_usage "--demo brings its own estate; drop --report/--snapshot."
[[ $mode != demo || -z "$config" ]] || die_usage "--demo brings its own configuration; drop --config."

if [[ $mode == demo ]]; then
  config="$HERE/../demo/payments.yaml"   # the demo estate's own configuration, for its gate policy and runbooks
elif [[ -z "$config" && -f failready.yaml ]]; then
  config="failready.yaml"
fi
[[ -n "$config" || $mode == report ]] || die_usage "no configuration: pass --config FILE (or run where failready.yaml is)."
[[ -n "$out" ]] || out="failready-precheck-$(date -u +%Y%m%dT%H%M%SZ)"

# 1. the report the decision is made from (kept next to the decision as its evidence)
case $mode in
  scan)     "$FAILREADY" scan --config "$config" "${direction[@]}" "${both_args[@]}" "${other_args[@]}" --out "$out" --format "$formats" >/dev/null ;;
  demo)     "$FAILREADY" scan --demo "${direction[@]}" "${both_args[@]}" "${other_args[@]}" --out "$out" --format "$formats" >/dev/null ;;
  snapshot) "$FAILREADY" evaluate --snapshot "$snapshot" --config "$config" "${direction[@]}" "${both_args[@]}" "${other_args[@]}" --out "$out" --format "$formats" >/dev/null ;;
  report)   [[ ${#other_args[@]} -eq 0 ]] || die_usage "with --report only gate options apply, not: ${other_args[*]}" ;;
esac
code=$?
if [[ $mode != report ]]; then
  if [[ $code -eq 1 || $code -eq 2 ]]; then echo "precheck: the $mode failed (exit $code)" >&2; exit $code; fi
  report="$out/report.json"
  [[ -s "$report" ]] || { echo "precheck: the $mode wrote no $report" >&2; exit 1; }
fi

# 2. the decision, with the configuration's gate policy and runbooks
if [[ ${#direction[@]} -gt 0 ]]; then
  echo "Failback pre-check: -> $TARGET  ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
else
  echo "Failover pre-check: -> $TARGET  ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
fi
cfg_args=()
[[ -z "$config" ]] || cfg_args=(--config "$config")
"$FAILREADY" gate --to "$TARGET" --report "$report" "${cfg_args[@]}" "${gate_args[@]}"
code=$?
echo "Report: $report"
case $code in
  0) echo "=> GO: $TARGET can take the load." ;;
  3) echo "=> NO-GO: fix or waive the blocking findings above before moving the load." ;;
  4) echo "=> NO-GO: blocking checks lacked data; re-run with the audit role, or accept with --allow-unknown." ;;
  2) echo "=> pre-check could not decide (exit 2)$([[ ${#direction[@]} -eq 0 ]] && echo "; if $TARGET is the primary region, add --failback")." ;;
  *) echo "=> pre-check could not decide (exit $code)." ;;
esac
exit $code
