#!/usr/bin/env bash
# Statistical quality: feeds every engine's raw 64-bit output (bulk Fill path and scalar NextUInt64 path) through
# stdin into a chosen subset of dieharder's tests, and prints a markdown table of the p-values and verdicts.
# Needs Debian's dieharder (apt-get install dieharder). About 10 minutes on 2 cores.
# Usage: bash tools/dieharder.sh [SEED]        (raw dieharder output goes to tools/dieharder-results/)
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-20251125}
command -v dieharder >/dev/null || { echo "dieharder is not installed: apt-get install dieharder" >&2; exit 3; }
dotnet build -c Release src/OneSeed.Cli >/dev/null
cli=src/OneSeed.Cli/bin/Release/net10.0/OneSeed.Cli.dll
out=tools/dieharder-results
rm -rf "$out" && mkdir -p "$out"

# Fast, varied tests (birthdays, overlapping permutations, binary rank, bitstream counts, parking lot, squeeze,
# runs, STS monobit and runs, RGB permutations): about 26 s per engine and path.
tests=(0 1 3 8 10 13 15 100 101 202)

printf '| engine | path |'; for d in "${tests[@]}"; do printf ' -d %s |' "$d"; done; echo
printf '| --- | --- |'; for _ in "${tests[@]}"; do printf ' ---: |'; done; echo
for engine in MT19937 PCG64 PCG64DXSM Philox SFC64; do
  for path in bulk scalar; do
    flag=""; [ "$path" = scalar ] && flag="--scalar"
    row="| $engine | $path |"
    for d in "${tests[@]}"; do
      log="$out/$engine-$path-d$d.txt"
      # The pipe ends when dieharder has read enough; the stream then exits on the closed pipe.
      dotnet "$cli" stream "$engine" --seed "$seed" $flag | dieharder -g 200 -d "$d" > "$log" 2>/dev/null || true
      # Multi-line tests (sts_serial, rgb_*) report several p-values: keep the weakest verdict.
      verdict=$(grep -oE "PASSED|WEAK|FAILED" "$log" | sort | uniq | awk '{v[$1]=1} END {print (v["FAILED"] ? "FAILED" : v["WEAK"] ? "WEAK" : v["PASSED"] ? "PASSED" : "?")}')
      p=$(grep -E "PASSED|WEAK|FAILED" "$log" | awk -F'|' '{gsub(/ /, "", $5); print $5}' | sort -g | head -1)
      row="$row $p $verdict |"
    done
    echo "$row"
  done
done
