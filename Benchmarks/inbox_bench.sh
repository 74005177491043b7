#!/usr/bin/env bash
# Inbox throughput: drop FILES distinct sample user lists of ROWS rows each into a fresh inbox, then
# time `invitesheet watch INBOX --once --settle 0` end to end under GNU time (wall and CPU seconds,
# peak RSS).
#
#   Benchmarks/inbox_bench.sh                 # 1,000 files of 100 rows, release build
#   FILES=200 ROWS=100 Benchmarks/inbox_bench.sh
#   INVITESHEET_BIN=.build/debug/invitesheet Benchmarks/inbox_bench.sh
#
# Prints a human summary, then one machine-readable line:
#   inbox_bench files=1000 distinct=1000 rows=100 seconds=4.21 cpu_seconds=3.80 files_per_second=237.5 peak_rss_mb=41.2 processed=1000 duplicates=0 exit=1
# The sample files are made once and kept in Benchmarks/data/inbox-distinct/ (file i made with
# --seed i, odd i .xlsx and even i .csv), so every file's contents differ: the watcher files
# identical contents as duplicates without validating them, which would measure nothing. The run
# checks that the contents are distinct and that no file was taken for a duplicate. Each run copies
# the files into a new inbox under Benchmarks/out/.
set -euo pipefail

FILES=${FILES:-1000}
ROWS=${ROWS:-100}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${INVITESHEET_BIN:-$ROOT/.build/release/invitesheet}
DATA=$ROOT/Benchmarks/data/inbox-distinct
OUT=$ROOT/Benchmarks/out

if [[ -z "${INVITESHEET_BIN:-}" ]]; then
    (cd "$ROOT" && swift build -c release --product invitesheet >&2)
fi
[[ -x "$BIN" ]] || { echo "inbox_bench: $BIN is not built" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "inbox_bench: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

# Sample files, made in parallel (xlsx and csv alternate), kept between runs.
mkdir -p "$DATA" "$OUT"
missing=()
for ((i = 1; i <= FILES; i++)); do
    ext=$([[ $((i % 2)) -eq 0 ]] && echo csv || echo xlsx)
    f="$DATA/users-${ROWS}r-$i.$ext"
    [[ -s "$f" ]] || missing+=("$i:$f")
done
if ((${#missing[@]} > 0)); then
    echo "making ${#missing[@]} sample files of $ROWS rows in $DATA …" >&2
    printf '%s\n' "${missing[@]}" | xargs -P "$(nproc)" -I{} sh -c \
        'seed=${1%%:*}; file=${1#*:}; "$2" sample --rows "$3" --seed "$seed" -o "$file"' _ {} "$BIN" "$ROWS"
fi

# Distinct contents, or the run proves nothing.
distinct=$(for ((i = 1; i <= FILES; i++)); do
    ext=$([[ $((i % 2)) -eq 0 ]] && echo csv || echo xlsx)
    echo "$DATA/users-${ROWS}r-$i.$ext"
done | xargs sha256sum | awk '{ print $1 }' | sort -u | wc -l)
if [[ "$distinct" -ne "$FILES" ]]; then
    echo "inbox_bench: only $distinct of $FILES sample files in $DATA have distinct contents; remove the folder to make them again" >&2
    exit 1
fi

# A fresh inbox on the same file system as the samples; copies, so the samples stay for next time.
INBOX=$OUT/inbox-bench
rm -rf "$INBOX"
mkdir -p "$INBOX"
for ((i = 1; i <= FILES; i++)); do
    ext=$([[ $((i % 2)) -eq 0 ]] && echo csv || echo xlsx)
    cp "$DATA/users-${ROWS}r-$i.$ext" "$INBOX/users-$i.$ext"
done
sync

LOG=$OUT/inbox-bench.log
TIMES=$OUT/inbox-bench.time
set +e
/usr/bin/time -o "$TIMES" -f '%e %U %S %M' "$BIN" watch "$INBOX" --once --settle 0 2> "$LOG"
status=$?
set -e
read -r seconds user_s system_s rss_kb < <(tail -n 1 "$TIMES")

processed=$(grep -c '"event":"processed"' "$LOG" || true)
failed=$(grep -c '"event":"failed"' "$LOG" || true)
duplicates=$(grep -c '"event":"duplicate"' "$LOG" || true)
reports=$(find "$INBOX/reports" -mindepth 1 -maxdepth 1 -type d ! -name '.tmp-*' | wc -l)
accepted=$(find "$INBOX/accepted" -type f | wc -l)
fixing=$(find "$INBOX/needs-fixing" -type f | wc -l)
rejected=$(find "$INBOX/rejected" -type f | wc -l)
rate=$(awk -v n="$processed" -v s="$seconds" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
cpu=$(awk -v u="$user_s" -v s="$system_s" 'BEGIN { printf "%.2f", u + s }')

echo "inbox: $FILES files ($distinct distinct) of $ROWS rows → processed $processed ($accepted accepted, $fixing needs-fixing, $rejected rejected), duplicates $duplicates, failed $failed, $reports report folders" >&2
echo "time:  ${seconds} s end to end = ${rate} files/s; CPU ${cpu} s (user + system); peak RSS ${rss_mb} MB; exit $status (1 = some file needs fixing)" >&2
echo "inbox_bench files=$FILES distinct=$distinct rows=$ROWS seconds=$seconds cpu_seconds=$cpu files_per_second=$rate peak_rss_mb=$rss_mb processed=$processed duplicates=$duplicates exit=$status"

if [[ "$processed" -ne "$FILES" || "$reports" -ne "$FILES" || "$duplicates" -ne 0 ]]; then
    echo "inbox_bench: expected $FILES processed files and report folders and no duplicate; see $LOG" >&2
    exit 1
fi
