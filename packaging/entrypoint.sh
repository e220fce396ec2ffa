#!/usr/bin/env bash
# The installed failready command (the container image's ENTRYPOINT; packaging/install.sh puts it in
# PREFIX/opt/failready/bin and links PREFIX/usr/local/bin/failready to it). Runs the installed jar
# with the JVM flags and the class-data archive ./failready would choose; never builds anything:
# the archives were built when the image was, and its filesystem may be read-only.
set -euo pipefail
LIB="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../lib" && pwd)"
JAR="$LIB/failready.jar"
source "$LIB/launch.sh"
failready_check_cds_mode   # wait means on here: the image never builds archives
# the bundled files (rules, templates, schemas) sit beside the jar, on its Class-Path: without them every
# command fails, some (gate --report) deep in a schema read, so say so once, here
[[ -f "$LIB/$FAILREADY_BUNDLE" ]] || {
  echo "failready: $LIB/$FAILREADY_BUNDLE is missing: install it with failready.jar from the same build (packaging/install.sh)" >&2; exit 1; }
CDS=()
kind="$(failready_archive_kind "$@")"
if [[ "${FAILREADY_CDS:-on}" != off ]]; then
  jsa="$(failready_archive "$LIB" "$kind" "$(failready_jar_stamp "$JAR")")"
  [[ -f "$jsa" ]] && CDS=(-XX:SharedArchiveFile="$jsa" $FAILREADY_CDS_JVM_OPTS)
fi
# the archive's flags first: a flag in FAILREADY_JAVA_OPTS (e.g. -XX:ArchiveRelocationMode=1) overrides them
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" "${CDS[@]}" $(failready_jvm_opts "$kind") -cp "$JAR" io.failready.cli.FailReady "$@"
