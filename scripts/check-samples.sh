#!/usr/bin/env bash
# Runs the built invitesheet on every file in SampleSheets/ and checks each gives the exit code
# SampleSheets/README.md promises (CI runs this after the tests). Binary: $INVITESHEET_BIN, else
# .build/debug/invitesheet, else .build/release/invitesheet.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${INVITESHEET_BIN:-}"
if [ -z "$bin" ]; then
  for candidate in "$root/.build/debug/invitesheet" "$root/.build/release/invitesheet"; do
    if [ -x "$candidate" ]; then bin="$candidate"; break; fi
  done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "check-samples.sh: build invitesheet first (swift build) or set INVITESHEET_BIN" >&2
  exit 64
fi
cd "$root/SampleSheets"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
failures=0

# expect CODE ARGS… — runs `invitesheet validate ARGS…` and checks the exit code.
expect() {
  local want="$1"; shift
  "$bin" validate "$@" >"$out/stdout" 2>"$out/stderr"
  local got=$?
  if [ "$got" -eq "$want" ]; then
    echo "ok   exit $got  validate $*"
  else
    echo "FAIL exit $got (expected $want)  validate $*"
    sed 's/^/     /' "$out/stderr" | head -n 5
    failures=$((failures + 1))
  fi
}

sample_options=(--policy policy.json --existing existing-accounts.csv)
expect 0 valid.xlsx
expect 0 valid.csv
expect 0 valid.xlsx "${sample_options[@]}" --strict
expect 1 every-mistake.xlsx "${sample_options[@]}"
expect 1 every-mistake.xlsx
expect 0 older-template.xlsx
expect 1 older-template.xlsx --strict
expect 0 header-only.csv
expect 1 header-only.csv --strict
expect 2 wrong-headers.csv
expect 2 not-a-workbook.xlsx
expect 2 valid.xlsx every-mistake.xlsx wrong-headers.csv "${sample_options[@]}"
expect 1 valid.csv every-mistake.xlsx "${sample_options[@]}" --out "$out/results"
for file in report.json errors.csv changes.csv corrections.xlsx accepted.csv accepted.jsonl; do
  for stem in valid every-mistake; do
    # corrections.xlsx holds the rows to fix: none for a valid list.
    if [ "$stem/$file" = valid/corrections.xlsx ]; then
      if [ -e "$out/results/$stem/$file" ]; then
        echo "FAIL --out wrote $stem/$file though every row is valid"
        failures=$((failures + 1))
      fi
    elif [ ! -s "$out/results/$stem/$file" ]; then
      echo "FAIL --out did not write $stem/$file"
      failures=$((failures + 1))
    fi
  done
done
expect 64 valid.xlsx --policy no-such-policy.json
expect 64 valid.xlsx --max-findings -1

if [ "$failures" -gt 0 ]; then
  echo "check-samples.sh: $failures check(s) failed" >&2
  exit 1
fi
echo "check-samples.sh: every sample gives its expected exit code"
