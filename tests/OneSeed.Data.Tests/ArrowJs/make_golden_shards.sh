#!/usr/bin/env bash
# Writes tests/OneSeed.Data.Tests/GoldenVectors/shards-v1/: a small dataset in shard format version 1 (written by this
# repository's ShardWriter through the test assembly's `write-shards` child command: 13 samples of every column kind,
# seed 20231, at most 5 samples per shard), and shards-v1.json: every value as Arrow JS (apache-arrow, an independent
# Arrow implementation) reads it. ShardGoldenTests replays both without Node.js, so a reader change that misreads
# version-1 files fails. Needs `npm ci --prefix tests/OneSeed.Data.Tests/ArrowJs` and a Release build of the tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
golden="$here/../GoldenVectors"
rm -rf "$golden/shards-v1"
dotnet "$here/../bin/Release/net10.0/OneSeed.Data.Tests.dll" write-shards "$golden/shards-v1" 20231 13 5 >/dev/null
rm -f "$golden/shards-v1/.oneseed-writer.lock"
node "$here/read_shards.mjs" "$golden/shards-v1" > "$golden/shards-v1.json"
echo "wrote $golden/shards-v1 and $golden/shards-v1.json"
