#!/usr/bin/env bash
# Re-creates every file in SampleSheets/ with the built invitesheet binary; the same binary always
# writes the same files (sample rows come from a fixed seed). Run from anywhere:
#   swift build && SampleSheets/make-samples.sh
# INVITESHEET_BIN overrides the binary (default: the first of .build/debug, .build/release).
# Then run scripts/check-samples.sh to check each sample's exit code, and commit the files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
bin="${INVITESHEET_BIN:-}"
if [ -z "$bin" ]; then
  for candidate in "$root/.build/debug/invitesheet" "$root/.build/release/invitesheet"; do
    if [ -x "$candidate" ]; then bin="$candidate"; break; fi
  done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "make-samples.sh: build invitesheet first (swift build) or set INVITESHEET_BIN" >&2; exit 64; }
cd "$here"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The policy the generated samples are made for: the defaults, with the sample's sponsoring agencies
# listed (so an unknown agency is an error) and a file limit.
cat > policy.json <<'JSON'
{
  "sponsoringAgencies": ["GovTech", "MOM", "HDB", "MOH", "IRAS", "LTA", "CPF Board", "URA", "ICA", "MOE", "MND", "NEA"],
  "maxRowsPerFile": 5000
}
JSON

# Every row valid: 20 public officers and vendors (onshore and offshore).
"$bin" sample --rows 20 --error-rate 0 --seed 3 -o valid.xlsx
"$bin" sample --rows 20 --error-rate 0 --seed 3 -o valid.csv

# Every row-level mistake the generator knows (it cycles through all of them), each on its own
# row between valid rows, so the in-file duplicates have a valid first row to point at; and the
# existing TechPass accounts that the duplicate-account rows collide with.
"$bin" sample --rows 126 --error-rate 0.5 --seed 3 -o every-mistake.xlsx --existing existing-accounts.csv

# A list made from template version 1 (no vendor columns; the old SEED header), public officers only:
# recognised from its header and reported as a warning, not a failure.
mkdir -p "$scratch/v1"
cat > "$scratch/v1/Users.csv" <<'CSV'
Email address*,User type*,TechPass username,First name*,Last name*,Contact number*,Organisation,Department,Is onboarding to SEED required?*,Reason*
weiming.tan@tech.gov.sg,Public officer,,Wei Ming,Tan,+65 9123 4567,GovTech,Digital Services,No,Developer on the MyAgency portal project
jiahui.lim@hdb.gov.sg,Public officer,,Jia Hui,Lim,8123 4567,HDB,Data Science,Yes,Data engineer for the analytics platform
arun.krishnan@mom.gov.sg,Public officer,,Arun,Krishnan,6123 4567,MOM,Infrastructure,No,QA tester for the citizen services app
CSV
"$bin" convert "$scratch/v1/Users.csv" -o older-template.xlsx

# Structure errors: no Reason column, the email column twice, an unknown column, no Organisation column.
cat > wrong-headers.csv <<'CSV'
Email address*,User type*,First name*,Last name*,Contact number*,E-mail,Notes,SEED onboarding required?*
weiming.tan@tech.gov.sg,Public officer,Wei Ming,Tan,+65 9123 4567,weiming.tan@tech.gov.sg,call first,No
CSV

# A header and no users.
head -n 1 valid.csv > header-only.csv

# CSV text saved under an .xlsx name: stopped at the file stage.
cp valid.csv not-a-workbook.xlsx

echo "SampleSheets: written with $bin"
