#!/usr/bin/env bash
# Runs one Stryker.NET configuration of this folder and records its wall time.
#   tests/Mutation/run.sh edge-ads            -> report in /tmp/stryker-edge-ads/reports/
# Output always goes to /tmp (never into the tree). A measured job: not part of CI.
set -euo pipefail
name="${1:?usage: run.sh <configuration name without .json> [extra dotnet-stryker options]}"
shift
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
config="$here/$name.json"
[ -f "$config" ] || { echo "error: no configuration $config" >&2; exit 2; }

# Stryker runs from the folder of the project it mutates (the configuration names only the .csproj).
case "$name" in
  edge-ads) dir=plc-bridge/Edge.Ads ;;
  edge-ads-server) dir=plc-bridge/Edge.Ads.Server ;;
  edge-device-*) dir=firmware/build/Edge.Device.Net ;;
  edge-power) dir=host/Edge.Power ;;
  edge-hil | edge-hil-*) dir=host/Edge.Hil ;;
  *) echo "error: no project folder known for configuration '$name'" >&2; exit 2 ;;
esac

# Leaves the nanoFramework builds out of the device test project (see its .csproj); only the
# device configurations need it.
case "$name" in edge-device-*) export EdgeMutationRun=true ;; esac

out="/tmp/stryker-$name"
cd "$root"
dotnet tool restore >/dev/null
cd "$dir"
start=$(date +%s)
set +e
dotnet stryker --config-file "$config" --output "$out" "$@"
rc=$?
set -e
end=$(date +%s)
echo "stryker $name: exit $rc, wall time $((end - start)) s, report $out/reports/mutation-report.json"
exit $rc
