#!/usr/bin/env bash
# Builds the class-data archives of a failready jar: build-cds.sh JAR DIR [KIND...] (default: every
# kind in launch.sh). Run by the image build (Dockerfile) and, detached and at low priority, by
# ./failready after a build. Safe to run at any time, next to anything:
#   - one builder per DIR at a time (flock; a second one exits at once, it has nothing to add);
#   - each archive is dumped to a temporary name and renamed into place only if the jar is still the
#     one it was dumped from, so a rebuild of the jar meanwhile (a CI's `mvn package`) or a kill
#     (-TERM, -KILL) never leaves a half-written or mismatched archive under a name the launcher uses;
#   - archives of earlier jars and leftovers of killed builders are removed.
# Without archives nothing changes but start-up time: this script never fails a run.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/launch.sh"
JAR="$1" DIR="$2"; shift 2
KINDS=("$@"); [[ ${#KINDS[@]} -gt 0 ]] || read -r -a KINDS <<<"$FAILREADY_ARCHIVE_KINDS"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Detached from ./failready: hold none of its caller's descriptors (a pipe a CI step or a test reads to the
# end would otherwise stay open until the archives are built). 255 is the one bash reads this script by.
if [[ -d /proc/$$/fd ]]; then
  for fd in /proc/$$/fd/*; do fd="${fd##*/}"; [[ $fd -gt 2 && $fd -ne 255 ]] && eval "exec $fd>&-" 2>/dev/null; done
fi
exec 9>>"$DIR/.failready-cds.lock" || exit 0
flock -n 9 || exit 0   # another builder is at work on this directory

WORK="$(mktemp -d)"
cleanup() { rm -rf "$WORK"; rm -f "$DIR"/failready-*.jsa.$$.tmp; }
trap cleanup EXIT
trap 'exit 143' TERM INT HUP
# holding the lock, any temporary archive here belongs to a builder that was killed
rm -f "$DIR"/failready-*.jsa.*.tmp

STAMP="$(failready_jar_stamp "$JAR")" || exit 0
for kind in "${KINDS[@]}"; do
  jsa="$(failready_archive "$DIR" "$kind" "$STAMP")"
  [[ -f "$jsa" ]] && continue
  tmp="$jsa.$$.tmp"
  # quick's training gates the report of a demo scan: make one first if no evaluate training left it
  if [[ $kind == quick && ! -f "$WORK/out/report.json" ]]; then
    "$JAVA" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp "$JAR" io.failready.cli.FailReady \
        scan --demo --out "$WORK/out" --format json >/dev/null 2>&1
  fi
  # a training run lists the classes the commands of this kind load; the JVM then dumps them
  "$JAVA" -XX:DumpLoadedClassList="$WORK/$kind.classes" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 \
      -cp "$JAR" io.failready.cli.FailReady bench cds-training --profile "$kind" --out "$WORK/out" >/dev/null 2>&1 \
    && "$JAVA" -Xshare:dump -XX:SharedClassListFile="$WORK/$kind.classes" -XX:SharedArchiveFile="$tmp" \
      -XX:+UseParallelGC -cp "$JAR" >/dev/null 2>&1 \
    && [[ -s "$tmp" && "$(failready_jar_stamp "$JAR")" == "$STAMP" ]] \
    && mv -f "$tmp" "$jsa"
  rm -f "$tmp"
done
# archives of other builds of the jar are never used again
for old in "$DIR"/failready-*.jsa; do
  [[ -e "$old" && "$old" != *"-$STAMP.jsa" ]] && rm -f "$old"
done
exit 0
