#!/usr/bin/env bash
# What OneSeed's analyzers add to a full rebuild of the solution (issue 24).
#
# Directory.Build.targets loads OneSeed.Analyzers into every project under src/ (but the analyzers), samples/ and bench/;
# -p:OneSeedAnalyzersOnSelf=false leaves them out (same restore, same build graph, only the Analyzer item differs).
# This script restores once, warms up, then times RUNS full rebuilds with the analyzers and RUNS without, alternating
# (on/off, off/on, ...) so that drift in the machine's load falls on both sides, and prints the medians and the
# difference. Then one more rebuild with -p:ReportAnalyzer=true gives the compiler's own per-analyzer times.
#
# Usage: bench/analyzer_build_cost.sh            (RUNS=3 by default; RUNS=5 bench/analyzer_build_cost.sh for more)
# Wall-clock timings of whole builds are noisy on a shared machine: read the medians with the spread beside them.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-3}"
SOLUTION=OneSeed.slnx
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT

build() { # $1 = true|false, $2 = log file; prints the wall-clock seconds
    local start end
    start=$(date +%s.%N)
    dotnet build "$SOLUTION" -c Release --no-incremental --no-restore -nologo "-p:OneSeedAnalyzersOnSelf=$1" >"$2" 2>&1 \
        || { echo "build with OneSeedAnalyzersOnSelf=$1 failed; log:" >&2; tail -n 40 "$2" >&2; exit 1; }
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
}

echo "restore and warm-up build ..."
dotnet restore "$SOLUTION" -nologo >"$LOGS/restore.log" 2>&1 || { tail -n 40 "$LOGS/restore.log" >&2; exit 1; }
build true "$LOGS/warmup.log" >/dev/null

on=() off=()
for ((i = 1; i <= RUNS; i++)); do
    if ((i % 2 == 1)); then order=(true false); else order=(false true); fi
    for setting in "${order[@]}"; do
        seconds=$(build "$setting" "$LOGS/run-$i-$setting.log")
        echo "run $i, analyzers on self = $setting: ${seconds} s"
        if [[ $setting == true ]]; then on+=("$seconds"); else off+=("$seconds"); fi
    done
done

python3 - "${on[*]}" "${off[*]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
m_on, m_off = statistics.median(on), statistics.median(off)
print(f"with OneSeed analyzers:    median {m_on:.1f} s  (runs: {', '.join(f'{x:.1f}' for x in on)})")
print(f"without OneSeed analyzers: median {m_off:.1f} s  (runs: {', '.join(f'{x:.1f}' for x in off)})")
print(f"added: {m_on - m_off:+.1f} s ({(m_on - m_off) / m_off * 100:+.1f} %)")
PY

echo
echo "per-analyzer time reported by the compiler (-p:ReportAnalyzer=true), summed over every compilation of the solution:"
dotnet build "$SOLUTION" -c Release --no-incremental --no-restore -nologo -p:OneSeedAnalyzersOnSelf=true -p:ReportAnalyzer=true -v:d \
    >"$LOGS/report.log" 2>&1 || { tail -n 40 "$LOGS/report.log" >&2; exit 1; }
python3 - "$LOGS/report.log" <<'PY'
import collections, re, sys
# csc's report: "Total analyzer execution time: 1.234 seconds." then lines "   0.123   12  Assembly, Version=..." per
# assembly and "      0.045    4   Namespace.Analyzer (IDs)" per analyzer; "<0.001" for tiny times.
totals = collections.Counter()
all_analyzers = 0.0
line_re = re.compile(r"^\s*<?(\d+\.\d+)\s+<?\d+\s+(OneSeed\.Analyzers\.\S+)")
total_re = re.compile(r"Total analyzer execution time:\s*([\d.]+) seconds")
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if m := total_re.search(line):
        all_analyzers += float(m.group(1))
    elif m := line_re.match(line):
        totals[m.group(2)] += float(m.group(1))
for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
    print(f"  {seconds:7.3f} s  {name}")
print(f"  {sum(totals.values()):7.3f} s  all OneSeed analyzers")
print(f"  {all_analyzers:7.3f} s  all analyzers (the SDK's CA rules, PublicApiAnalyzers, generators' analyzers, OneSeed's)")
PY
