#!/usr/bin/env bash
# Sets up a Debian machine (scripts/setup.sh), builds, runs every test, then the checks CI
# relies on: the committed template is current and the sample sheets give their expected exit codes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build
swift test 2>&1 | tee .build/test.log
if [ -x scripts/check-samples.sh ]; then bash scripts/check-samples.sh; fi
