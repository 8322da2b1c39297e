#!/usr/bin/env bash
# Data loaders side by side on this machine, in one run: OneSeed.Data and TorchSharp's DataLoader (BenchmarkDotNet)
# and PyTorch's DataLoader (timed before and after). Prints a markdown table; raw results in bench/results-dataloader/.
# Usage: bash bench/compare_dataloader.sh      (about 4 minutes on 2 cores; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results-dataloader
rm -rf "$out" && mkdir -p "$out"
/usr/bin/python3 bench/torch_dataloader_bench.py > "$out/torch-before.json"
dotnet run -c Release --project bench/OneSeed.Benchmarks -- --filter '*DataLoaderBenchmarks*' --exporters json --artifacts "$out/bdn" > "$out/bdn.log"
/usr/bin/python3 bench/torch_dataloader_bench.py > "$out/torch-after.json"
/usr/bin/python3 bench/compare_dataloader.py "$out"/bdn/results/*-report-full-compressed.json "$out"/torch-*.json | tee "$out/table.md"
