#!/usr/bin/env bash
# A typical ImageNet augmentation Compose on 224x224 crops, OneSeed.TorchVision (TorchSharp 0.107, libtorch 2.10) beside
# torchvision 0.14 (torch 1.13), one thread each, in one run. Results in bench/results-augmentation/.
# Usage: bash bench/compare_augmentation.sh   (about a minute; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results-augmentation
rm -rf "$out" && mkdir -p "$out"
dotnet build -c Release bench/OneSeed.Benchmarks --nologo -v:q >/dev/null
/usr/bin/python3 bench/torchvision_augmentation_bench.py | tee "$out/torchvision-before.json"
dotnet bench/OneSeed.Benchmarks/bin/Release/net10.0/OneSeed.Benchmarks.dll --augmentation | tee "$out/oneseed.log"
/usr/bin/python3 bench/torchvision_augmentation_bench.py | tee "$out/torchvision-after.json"
