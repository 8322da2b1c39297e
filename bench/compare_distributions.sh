#!/usr/bin/env bash
# Side by side on this machine, in one run: OneSeed's NumPy distributions in bulk (BenchmarkDotNet:
# DistributionBenchmarks for Generator, LegacyDistributionBenchmarks for RandomState) and NumPy making the same calls
# (bench/numpy_bench.py --distributions; the calls are listed once, in bench/distribution_workloads.py). 1,000,000
# values per call through the allocating size= form on both sides; several regimes per distribution where NumPy's
# algorithm changes with the parameters. Prints the distribution section of compare.py (rates, ratio = OneSeed
# throughput / NumPy throughput, each row's target, a ratio matrix, the rows below target) and keeps the raw results
# in bench/results-distributions/. NumPy is timed before and after the .NET run and its better rate is used; with
# RUNS=k the whole sequence runs k times and every row takes its best rate over the runs, on both sides.
# Generator rows run on PCG64 and MT19937 unless DIST_ENGINES says otherwise (comma-separated NumPy names, or "all"
# for the five engines); both sides read it.
# Kept apart from compare.sh so that its engine table keeps its run time. On 2 cores one run takes about
# 10-11 minutes with the two default engines (108 benchmarks, measured), an estimated 22 with DIST_ENGINES=all (216).
# Usage: [RUNS=2] [DIST_ENGINES=all] bash bench/compare_distributions.sh   (run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results-distributions
rm -rf "$out" && mkdir -p "$out"
for run in $(seq 1 "${RUNS:-1}"); do
  r="$out/run$run"
  mkdir -p "$r"
  /usr/bin/python3 bench/numpy_bench.py 1000000 --distributions > "$r/numpy-before.json"
  dotnet run -c Release --project bench/OneSeed.Benchmarks -- --filter '*DistributionBenchmarks*' --exporters json --artifacts "$r/bdn" > "$r/bdn.log"
  /usr/bin/python3 bench/numpy_bench.py 1000000 --distributions > "$r/numpy-after.json"
done
/usr/bin/python3 bench/compare.py "$out"/run*/bdn/results/*-report-full-compressed.json "$out"/run*/numpy-*.json | tee "$out/table.md"
