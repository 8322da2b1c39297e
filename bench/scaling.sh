#!/usr/bin/env bash
# Throughput against size (1e3 .. 1e8 values per call), OneSeed vs NumPy/torch, side by side in one run.
# Prints the markdown table for docs/performance.md and writes docs/img/scaling.svg; raw results in bench/results-scaling/.
# With RUNS=k the sequence runs k times and every cell takes its best over the runs, on both sides (as compare.sh).
# Usage: [RUNS=2] bash bench/scaling.sh [max_exponent]   (default 8; about 5 minutes a run; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
max="${1:-8}"
out=bench/results-scaling
rm -rf "$out" && mkdir -p "$out" docs/img
for run in $(seq 1 "${RUNS:-1}"); do
  /usr/bin/python3 bench/scaling_bench.py "$max" > "$out/reference-before-$run.json"
  dotnet run -c Release --project bench/OneSeed.Benchmarks -- --scaling "$max" > "$out/oneseed-$run.json"
  /usr/bin/python3 bench/scaling_bench.py "$max" > "$out/reference-after-$run.json"
done
/usr/bin/python3 bench/scaling.py "$out"/oneseed-*.json "$out"/reference-*.json --svg docs/img/scaling.svg | tee "$out/table.md"
