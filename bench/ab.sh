#!/usr/bin/env bash
# Same-process A/B of OneSeed builds (bench/OneSeed.SameProcessAB): builds src/OneSeed at each given commit (in a
# temporary git worktree) and at the working tree, then times them interleaved in one process.
# Usage: [WHAT=StandardExponential,StandardNormal] [ENGINES=...] [N=...] [ROUNDS=...] bash bench/ab.sh BASE_COMMIT [MORE_COMMITS...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bash bench/ab.sh BASE_COMMIT [MORE_COMMITS...]" >&2; exit 2; }
work=$(mktemp -d)
trap 'for w in "$work"/tree*; do [ -d "$w" ] && git worktree remove --force "$w"; done; rm -rf "$work"' EXIT
dirs=()
k=0
for commit in "$@"; do
  git worktree add -q --detach "$work/tree$k" "$commit"
  dotnet build -c Release -f net10.0 "$work/tree$k/src/OneSeed/OneSeed.csproj" -o "$work/build$k" > "$work/build$k.log"
  dirs+=("$work/build$k")
  k=$((k + 1))
done
dotnet build -c Release -f net10.0 src/OneSeed/OneSeed.csproj -o "$work/build-working" > "$work/build-working.log"
dirs+=("$work/build-working")
echo "builds: $* working-tree (in this order)"
dotnet run -c Release --project bench/OneSeed.SameProcessAB -- "${dirs[@]}"
