#!/usr/bin/env bash
# Side by side on this machine, in one run: OneSeed's bulk paths (BenchmarkDotNet) and NumPy / torch doing the same work.
# Prints a markdown table of ratios (OneSeed throughput / reference throughput) and keeps the raw results in bench/results/.
# The references are timed before and after the .NET run; the better of the two is used.
# Usage: bash bench/compare.sh            (about 6 minutes on 2 cores; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results
rm -rf "$out" && mkdir -p "$out"
/usr/bin/python3 bench/numpy_bench.py 1000000 > "$out/numpy-before.json"
/usr/bin/python3 bench/torch_bench.py 1000000 > "$out/torch-before.json"
dotnet run -c Release --project bench/OneSeed.Benchmarks -- --filter '*BulkFillBenchmarks*' '*RandomStateBenchmarks*' '*TorchBenchmarks*' --exporters json --artifacts "$out/bdn" > "$out/bdn.log"
/usr/bin/python3 bench/numpy_bench.py 1000000 > "$out/numpy-after.json"
/usr/bin/python3 bench/torch_bench.py 1000000 > "$out/torch-after.json"
/usr/bin/python3 bench/compare.py "$out"/bdn/results/*-report-full-compressed.json "$out"/numpy-*.json "$out"/torch-*.json | tee "$out/table.md"
