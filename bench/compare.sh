#!/usr/bin/env bash
# Side by side on this machine, in one run: OneSeed's bulk paths (BenchmarkDotNet) and NumPy / torch doing the same work.
# Prints a markdown table of ratios (OneSeed throughput / reference throughput) and keeps the raw results in bench/results/.
# The references are timed before and after the .NET run; the better of the two is used. With RUNS=k the whole
# sequence runs k times and every row takes its best rate over the runs, on both sides (these shared machines have
# bursts of load from their neighbours that can slow one benchmark several-fold).
# Usage: [RUNS=2] bash bench/compare.sh   (about 5 minutes per run on 2 cores; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results
rm -rf "$out" && mkdir -p "$out"
for run in $(seq 1 "${RUNS:-1}"); do
  r="$out/run$run"
  mkdir -p "$r"
  /usr/bin/python3 bench/numpy_bench.py 1000000 > "$r/numpy-before.json"
  /usr/bin/python3 bench/torch_bench.py 1000000 > "$r/torch-before.json"
  dotnet run -c Release --project bench/OneSeed.Benchmarks -- --filter '*BulkFillBenchmarks*' '*RandomStateBenchmarks*' '*TorchBenchmarks*' --exporters json --artifacts "$r/bdn" > "$r/bdn.log"
  /usr/bin/python3 bench/numpy_bench.py 1000000 > "$r/numpy-after.json"
  /usr/bin/python3 bench/torch_bench.py 1000000 > "$r/torch-after.json"
done
/usr/bin/python3 bench/compare.py "$out"/run*/bdn/results/*-report-full-compressed.json "$out"/run*/numpy-*.json "$out"/run*/torch-*.json | tee "$out/table.md"
