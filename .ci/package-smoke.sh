#!/usr/bin/env bash
# Packs every package into a local folder and uses them as a NuGet user would (issue 24's pack-install-consume step):
#   1. dotnet pack of every packable project under src/ into a temporary feed, with a version unique to this run
#      (so no package cache can hand back an older build under the same version);
#   2. the oneseed tool installed from that feed into a temporary tool path: `oneseed --version`, then real commands
#      (fingerprint, verify, and an audit of the consumer below);
#   3. tests/PackageConsumer built against the feed for net8.0 and net10.0 and run on each (self-contained, on a runtime
#      pack from NuGet, where that runtime is not installed); every run must print the same digest;
#   4. the same consumer with a planted `new Random()`: OneSeed's analyzers, shipped inside the OneSeed package, must
#      report ONESEED001 on it, also when the consumer references only OneSeed.Data.
# Restores go to a temporary global packages folder (the user's is only a read-only fallback), so nothing here
# leaves packages behind in ~/.nuget/packages.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
base=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
version="${base}-ci.$(date -u +%Y%m%d%H%M%S)"
echo "package smoke test: version $version"

# Builds that resolve packages from the feed use a private packages folder; the user's folder serves what it has.
user_packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <fallbackPackageFolders><add key="user" value="$user_packages" /></fallbackPackageFolders>
  <packageSources><add key="oneseed-ci" value="$feed" /></packageSources>
</configuration>
XML

# 1. Pack (package validation runs as part of pack).
for project in src/*/*.csproj; do
  if [ "$(dotnet msbuild "$project" -getProperty:IsPackable)" = "true" ]; then
    dotnet pack "$project" -c Release -o "$feed" -p:PackageVersion="$version" --nologo -v:q
  fi
done
ls "$feed"
for id in OneSeed OneSeed.Data OneSeed.TorchSharp OneSeed.Cli; do
  [ -f "$feed/$id.$version.nupkg" ] || { echo "FAIL: $id.$version.nupkg was not packed" >&2; exit 1; }
  [ -f "$feed/$id.$version.snupkg" ] || { echo "FAIL: $id.$version.snupkg (symbols) was not packed" >&2; exit 1; }
done
# Every package carries its metadata: licence expression, readme, description, tags and the commit it was built from.
commit=$(git rev-parse HEAD 2>/dev/null || true)
for package in "$feed"/*.nupkg; do
  nuspec=$(unzip -p "$package" '*.nuspec')
  for field in '<license type="expression">' '<readme>README.md</readme>' '<description>' '<tags>'; do
    echo "$nuspec" | grep -qF "$field" || { echo "FAIL: $(basename "$package") has no $field in its nuspec" >&2; exit 1; }
  done
  if [ -n "$commit" ]; then
    echo "$nuspec" | grep -q "<repository [^>]*commit=\"$commit\"" \
      || { echo "FAIL: $(basename "$package") does not record commit $commit" >&2; exit 1; }
  fi
  listing=$(unzip -l "$package")   # not piped into grep -q: an early exit would fail the pipeline (pipefail)
  echo "$listing" | grep -q ' README.md$' || { echo "FAIL: $(basename "$package") has no README.md" >&2; exit 1; }
  echo "  $(basename "$package"): $(echo "$nuspec" | sed -n 's:.*<license type="expression">\(.*\)</license>.*:\1:p')"
done
# The analyzers travel inside OneSeed.
listing=$(unzip -l "$feed/OneSeed.$version.nupkg")
echo "$listing" | grep -q 'analyzers/dotnet/cs/OneSeed.Analyzers.dll' \
  || { echo "FAIL: OneSeed.$version.nupkg has no analyzers/dotnet/cs/OneSeed.Analyzers.dll" >&2; exit 1; }

# 2. The tool, from the feed.
export NUGET_PACKAGES="$work/packages"
dotnet tool install OneSeed.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" >/dev/null
oneseed="$work/tools/oneseed"
tool_version=$("$oneseed" --version)
echo "oneseed --version: $tool_version"
# The assembly's informational version: the project version and, through SourceLink, the commit it was built from.
expected="$base+$(git rev-parse HEAD 2>/dev/null || echo unknown)"
[ "$tool_version" = "$expected" ] || { echo "FAIL: the installed tool reports '$tool_version', not $expected" >&2; exit 1; }
"$oneseed" fingerprint --no-git -o "$work/run.json" >/dev/null
"$oneseed" verify --no-git "$work/run.json"

# 3. The consumer, for each target framework.
consumer="$work/consumer"
cp -r tests/PackageConsumer "$consumer"
cp "$work/nuget.config" "$consumer/nuget.config"
dotnet build "$consumer" -c Release -p:OneSeedVersion="$version" --nologo -v:q
digests=()
for tfm in net8.0 net10.0; do
  major=${tfm#net}; major=${major%%.*}
  dll="$consumer/bin/Release/$tfm/PackageConsumer.dll"
  [ -f "$dll" ] || { echo "FAIL: $dll was not built" >&2; exit 1; }
  if dotnet --list-runtimes | grep -q "^Microsoft.NETCore.App $major\."; then
    output=$(dotnet "$dll")
  else
    # No shared .NET $major runtime here: run the same build self-contained, on a .NET $major runtime pack from NuGet.
    dotnet publish "$consumer" -c Release -f "$tfm" -r linux-x64 --self-contained -p:OneSeedVersion="$version" \
      -o "$consumer/self-contained-$tfm" --nologo -v:q >/dev/null
    output=$("$consumer/self-contained-$tfm/PackageConsumer")
  fi
  echo "$tfm: $output" | tr '\n' ' '; echo
  digests+=("$(echo "$output" | grep '^digest=')")
done
for d in "${digests[@]}"; do
  [ "$d" = "${digests[0]}" ] || { echo "FAIL: target frameworks disagree: '$d' vs '${digests[0]}'" >&2; exit 1; }
done
# A real command of the tool on the consumer: two runs must agree.
"$oneseed" audit --runs 2 --timeout 2m -- dotnet "$consumer/bin/Release/net10.0/PackageConsumer.dll"

# 4. The analyzers fire in the consumer, also when it references only OneSeed.Data (OneSeed comes as its dependency).
for data_only in false true; do
  planted=$(dotnet build "$consumer" -c Release -f net10.0 -p:OneSeedVersion="$version" -p:PlantNondeterminism=true \
    -p:DataOnly=$data_only --no-incremental --nologo 2>&1 || true)
  if ! echo "$planted" | grep -q 'Planted.cs([0-9]*,[0-9]*): warning ONESEED001'; then
    echo "$planted" | tail -20
    echo "FAIL: the analyzers did not report ONESEED001 on the planted new Random() (consumer referencing only OneSeed.Data: $data_only)" >&2
    exit 1
  fi
  echo "only OneSeed.Data referenced: $data_only; $(echo "$planted" | grep -m1 'warning ONESEED001' | sed 's/^ *//; s:^.*/Planted.cs:Planted.cs:; s: \[.*::')"
done
echo "package smoke test: passed"
