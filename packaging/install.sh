#!/usr/bin/env bash
# Installs failready under PREFIX: install.sh PREFIX JAR. The image's runtime stage runs it with
# PREFIX=/ (Dockerfile); DockerfileIT runs it with a temporary directory standing in for the image.
#   PREFIX/opt/failready/lib/failready.jar, failready-bundle.jar (the bundled tree, which the build
#     leaves beside the jar), launch.sh and the class-data archives of the jar
#   PREFIX/opt/failready/bin/failready (packaging/entrypoint.sh), linked from PREFIX/usr/local/bin
# The archives are built here, at install time, for the jar at its final path (an archive records
# the class path it was dumped with), so the installed command starts fast from its first run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="${1:?usage: install.sh PREFIX JAR}" SRC_JAR="${2:?usage: install.sh PREFIX JAR}"
[[ -s "$SRC_JAR" ]] || { echo "install.sh: no jar at $SRC_JAR (run packaging/build-jar.sh first)" >&2; exit 2; }
source "$HERE/launch.sh"
SRC_BUNDLE="$(dirname "$SRC_JAR")/$FAILREADY_BUNDLE"
[[ -s "$SRC_BUNDLE" ]] || { echo "install.sh: no $FAILREADY_BUNDLE beside $SRC_JAR (packaging/build-jar.sh builds both)" >&2; exit 2; }
HOME_DIR="$PREFIX/opt/failready"
mkdir -p "$HOME_DIR/lib" "$HOME_DIR/bin" "$PREFIX/usr/local/bin"
install -m 0644 "$SRC_JAR" "$HOME_DIR/lib/failready.jar"
install -m 0644 "$SRC_BUNDLE" "$HOME_DIR/lib/$FAILREADY_BUNDLE"
install -m 0644 "$HERE/launch.sh" "$HOME_DIR/lib/launch.sh"
install -m 0755 "$HERE/entrypoint.sh" "$HOME_DIR/bin/failready"
ln -sfn ../../../opt/failready/bin/failready "$PREFIX/usr/local/bin/failready"
"$HERE/build-cds.sh" "$HOME_DIR/lib/failready.jar" "$HOME_DIR/lib"
stamp="$(failready_jar_stamp "$HOME_DIR/lib/failready.jar")"
for kind in $FAILREADY_ARCHIVE_KINDS; do
  [[ -s "$(failready_archive "$HOME_DIR/lib" "$kind" "$stamp")" ]] \
    || { echo "install.sh: the $kind class-data archive was not built" >&2; exit 1; }
done
chmod 0644 "$HOME_DIR"/lib/*.jsa
rm -f "$HOME_DIR/lib/.failready-cds.lock"
