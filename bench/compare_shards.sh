#!/usr/bin/env bash
# Reading a sharded dataset from local disk, OneSeed beside PyTorch, in one run (issue 23's benchmark):
# `OneSeed.Benchmarks --shards` makes the dataset once (Arrow shards plus one .npy per shard for PyTorch) and times
# sequential reads, the shard-aware loader at several block sizes and worker counts, a uniform shuffle and a mid-epoch
# resume; bench/torch_shard_bench.py times PyTorch's DataLoader on the same samples in the same order. Every pass starts
# with the files evicted from the page cache. Results in bench/results-shards/.
# Usage: bash bench/compare_shards.sh [DIRECTORY] [GIGABYTES]   (default /tmp/oneseed-shard-bench, 3 GB; run it idle)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/oneseed-shard-bench}
gigabytes=${2:-3}
out=bench/results-shards
rm -rf "$out" && mkdir -p "$out" "$dir"
dotnet build -c Release bench/OneSeed.Benchmarks --nologo -v:q >/dev/null
dotnet bench/OneSeed.Benchmarks/bin/Release/net10.0/OneSeed.Benchmarks.dll --shards "$dir" "$gigabytes" | tee "$out/oneseed.log"
tail -1 "$out/oneseed.log" > "$out/oneseed.json"
/usr/bin/python3 bench/torch_shard_bench.py "$dir" | tee "$out/torch.json"
