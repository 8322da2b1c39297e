#!/usr/bin/env bash
# Side by side on this machine, in one run: TorchGenerator's samplers of issue 21 (BenchmarkDotNet,
# TorchSamplerBenchmarks) and torch 1.13 on one thread doing the same calls (bench/torch_sampler_bench.py; the
# workloads are listed once, in bench/torch_sampler_workloads.py). torch is timed before and after the .NET run and
# its better time is used. Prints a markdown table (ratio = torch's time / OneSeed's) and keeps the raw results in
# bench/results-torch-samplers/. About 4 minutes on 2 cores; run it on an otherwise idle machine.
# Usage: bash bench/compare_torch_samplers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results-torch-samplers
rm -rf "$out" && mkdir -p "$out"
/usr/bin/python3 bench/torch_sampler_bench.py > "$out/torch-before.json"
dotnet run -c Release --project bench/OneSeed.Benchmarks -- --filter '*TorchSamplerBenchmarks*' --exporters json --artifacts "$out/bdn" > "$out/bdn.log"
/usr/bin/python3 bench/torch_sampler_bench.py > "$out/torch-after.json"
/usr/bin/python3 bench/compare_torch_samplers.py "$out"/bdn/results/*-report-full-compressed.json "$out"/torch-*.json | tee "$out/table.md"
