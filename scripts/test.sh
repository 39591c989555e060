#!/usr/bin/env bash
# Runs every test of strokemeta on a fresh machine: installs what the build and the tests need when
# it is missing (scripts/setup.sh --for-tests), then builds and runs the unit, property,
# qualification and figure-rendering tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh" --for-tests
cd "$here"
mvn -q -B -Dstyle.color=never verify
