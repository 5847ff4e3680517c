#!/usr/bin/env bash
# The whole test suite: C# construct tests, the release handler's and the cdk-nag checker's JavaScript tests,
# then the bundled samples synthesized and checked with cdk-nag's AwsSolutions pack and our Django pack.
# Usage: scripts/test.sh   (from anywhere; needs the .NET 10 SDK and Node.js >= 20)
set -euo pipefail
cd "$(dirname "$0")/.."
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
passed=0
failed=0

step() { printf '\n==> %s\n' "$*"; }

step "Installing the cdk-nag checker (npm ci)"
npm ci --prefix tools/cdk-nag-check --no-audit --no-fund --loglevel=error

step "C# tests (dotnet test)"
set +e
dotnet test DjangoCdk.slnx --nologo 2>&1 | tee "$log_dir/dotnet.log"
dotnet_status=${PIPESTATUS[0]}
set -e
while read -r f p; do
  failed=$((failed + f)); passed=$((passed + p))
done < <(sed -nE 's/.*Failed:[[:space:]]+([0-9]+), Passed:[[:space:]]+([0-9]+),.*/\1 \2/p' "$log_dir/dotnet.log")

step "JavaScript tests (node --test)"
set +e
node --test tests/handlers/ tests/frontend-function/ tools/cdk-nag-check/test/ 2>&1 | tee "$log_dir/node.log"
node_status=${PIPESTATUS[0]}
set -e
node_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log_dir/node.log" | tail -1)
node_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log_dir/node.log" | tail -1)
passed=$((passed + ${node_pass:-0}))
failed=$((failed + ${node_fail:-0}))

step "Synthesizing the samples and checking them with cdk-nag"
out="$log_dir/cdk.out"
set +e
CDK_OUTDIR="$out" dotnet run --project samples/DjangoCdk.Samples
synth_status=$?
nag_status=1
if [ "$synth_status" -eq 0 ]; then
  node tools/cdk-nag-check/check.js "$out"
  nag_status=$?
fi
set -e
if [ "$synth_status" -eq 0 ] && [ "$nag_status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo
echo "$passed passed, $failed failed"
if [ "$dotnet_status" -ne 0 ] || [ "$node_status" -ne 0 ] || [ "$synth_status" -ne 0 ] || [ "$nag_status" -ne 0 ]; then
  exit 1
fi
