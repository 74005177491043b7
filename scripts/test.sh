#!/usr/bin/env bash
# Sets up a Debian machine (scripts/setup.sh), builds, runs every test, then the checks CI relies
# on: the committed template is what `invitesheet template` writes today, and each sample sheet
# gives its expected exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build
swift test
echo "== template is current"
.build/debug/invitesheet template --check templates/user-list.xlsx
echo "== sample sheets give their expected exit codes"
bash scripts/check-samples.sh
