#!/usr/bin/env bash
# Sets up a Debian machine (scripts/setup.sh), builds, runs every test, then the checks CI relies
# on: the committed template is what `invitesheet template` writes today, and each sample sheet
# gives its expected exit code. Ends with one line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The tests are XCTest; the empty Swift Testing pass would only add a "0 tests" line.
swift test --disable-swift-testing 2>&1 | tee "$log"
echo "== template is current"
.build/debug/invitesheet template --check templates/user-list.xlsx
echo "== sample sheets give their expected exit codes"
bash scripts/check-samples.sh
summary=$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -n 1)
total=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
failed=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$summary")
skipped=$(grep -oE "[0-9]+ tests? skipped" <<<"$summary" | grep -oE "^[0-9]+" || echo 0)
echo "tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
