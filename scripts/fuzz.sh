#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (Swift on Linux: -sanitize=fuzzer with AddressSanitizer).
#
#   bash scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is a folder under Fuzz/: xlsx (open a package and stream every sheet), csv (the CSV
# reader with encoding and delimiter detection) or numfmt (number-format classifier and dates).
# Builds .build-fuzz/fuzz-TARGET (SheetNative and SheetIO compiled by swiftc with coverage and
# ASan, apart from the normal SwiftPM build, which this leaves alone), then runs it for SECONDS
# on a copy of Fuzz/TARGET/corpus. New inputs go to .build-fuzz/corpus-TARGET; a crash, leak,
# timeout or out-of-memory input is written to .build-fuzz/artifacts-TARGET/ and the script exits
# non-zero. To replay one: .build-fuzz/fuzz-TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
[ -f "Fuzz/$target/main.swift" ] || { echo "fuzz: no target Fuzz/$target (have: $(ls Fuzz | grep -v Support | tr '\n' ' '))" >&2; exit 2; }

out=${FUZZ_BUILD:-.build-fuzz}  # another folder lets a second build run beside a running fuzzer
mkdir -p "$out/modules"
# The C modules are SwiftPM system-library targets: their module maps live in Sources/C*/,
# their headers and libraries come from pkg-config, as SwiftPM would find them.
cflags=()
for f in $(pkg-config --cflags libzip libxml-2.0 xlsxwriter); do cflags+=(-Xcc "$f"); done
libs=($(pkg-config --libs libzip libxml-2.0 xlsxwriter))
common=(-O -g -swift-version 5 -parse-as-library -sanitize=fuzzer,address
        -I Sources/CZip -I Sources/CLibXML2 -I Sources/CXlsxWriter -I "$out/modules" "${cflags[@]}")

# Rebuild a module only when one of its sources is newer than its object.
build_module() {  # name, sources...
    local name=$1; shift
    local obj="$out/$name.o"
    if [ -f "$obj" ] && [ -z "$(find "$@" -newer "$obj" 2>/dev/null | head -n 1)" ]; then return; fi
    echo "fuzz: compiling $name" >&2
    swiftc "${common[@]}" -module-name "$name" -wmo -c "$@" -o "$obj" \
        -emit-module -emit-module-path "$out/modules/$name.swiftmodule"
}
build_module SheetNative Sources/SheetNative/*.swift
build_module SheetIO $(find Sources/SheetIO -name '*.swift' | sort)
bin="$out/fuzz-$target"
entry=(Fuzz/"$target"/*.swift Fuzz/Support/*.swift)
if [ ! -x "$bin" ] || [ -n "$(find "${entry[@]}" "$out/SheetIO.o" "$out/SheetNative.o" -newer "$bin" | head -n 1)" ]; then
    echo "fuzz: linking $bin" >&2
    swiftc "${common[@]}" -module-name "Fuzz_$target" "${entry[@]}" "$out/SheetNative.o" "$out/SheetIO.o" "${libs[@]}" -o "$bin"
fi

# Inputs longer than this are not worth the time per run: a whole small workbook fits.
case $target in
    xlsx) max_len=65536 ;;
    csv) max_len=16384 ;;
    *) max_len=512 ;;
esac
corpus="$out/corpus-$target"
artifacts="$out/artifacts-$target"
mkdir -p "$corpus" "$artifacts"
# ASan: report leaks too; a Swift program's globals are not leaks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
echo "fuzz: running $target for $seconds s" >&2
exec "$bin" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" "$corpus" "Fuzz/$target/corpus"
