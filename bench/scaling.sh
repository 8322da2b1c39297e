#!/usr/bin/env bash
# Throughput against size (1e3 .. 1e8 values per call), OneSeed vs NumPy/torch, side by side in one run.
# Prints the markdown table for docs/performance.md and writes docs/img/scaling.svg; raw results in bench/results-scaling/.
# Usage: bash bench/scaling.sh [max_exponent]   (default 8; about 5 minutes; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
max="${1:-8}"
out=bench/results-scaling
rm -rf "$out" && mkdir -p "$out" docs/img
/usr/bin/python3 bench/scaling_bench.py "$max" > "$out/reference-before.json"
dotnet run -c Release --project bench/OneSeed.Benchmarks -- --scaling "$max" > "$out/oneseed.json"
/usr/bin/python3 bench/scaling_bench.py "$max" > "$out/reference-after.json"
/usr/bin/python3 bench/scaling.py "$out/oneseed.json" "$out"/reference-*.json --svg docs/img/scaling.svg | tee "$out/table.md"
