#!/usr/bin/env bash
# The test command (README quick start). Installs what the tests need, then runs the full build
# with every test: unit, rule fixtures, catalog, CLI end-to-end, HTTP-stub collector, moto emulator
# (MotoScanTest) and browser tests.
set -euo pipefail
cd "$(dirname "$0")"

# Headless Chromium for the HTML report's browser test (Debian package; no browser downloads).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing chromium for the HTML report browser test..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "test.sh: chromium could not be installed; the browser test will fail" >&2
  fi
fi

# moto (a third-party AWS emulator, server mode) and boto3 for MotoScanTest, which runs the real
# collectors against it on a loopback port. Installed only where Python lacks them; 5.2.1 is the
# release whose behaviour (and known distortions) the suite was written against.
if ! command -v python3 >/dev/null 2>&1; then
  echo "test.sh: python3 is missing; MotoScanTest (the emulator suite) will fail" >&2
elif ! python3 -c 'import moto.server, boto3' >/dev/null 2>&1; then
  echo "test.sh: installing moto[server] 5.2.1 and boto3 for the emulator integration test..." >&2
  python3 -m pip install -q 'moto[server]==5.2.1' boto3 >&2 \
    || echo "test.sh: moto could not be installed; MotoScanTest will fail" >&2
fi

# Microsoft's SARIF Multitool validates --format sarif in SecurityFormatsTest. Installed from npm into
# tools/validators (git-ignored), pinned to the release the test was written against.
if [ ! -x tools/validators/node_modules/.bin/sarif-multitool ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing @microsoft/sarif-multitool 5.7.0 for the SARIF validation test..." >&2
    npm install --silent --no-audit --no-fund --prefix tools/validators @microsoft/sarif-multitool@5.7.0 >&2 \
      || echo "test.sh: the SARIF Multitool could not be installed; SecurityFormatsTest will fail" >&2
  else
    echo "test.sh: npm is missing; SecurityFormatsTest (SARIF validation) will fail" >&2
  fi
fi

command -v mvn >/dev/null || { echo "test.sh: Maven (mvn) is required" >&2; exit 1; }
mvn -B -Dstyle.color=never verify "$@"

# The CI examples in ci/ run against the demo estate with the jar just built.
bash ci/test-examples.sh
