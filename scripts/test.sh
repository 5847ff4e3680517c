#!/usr/bin/env bash
# The whole test suite: C# construct tests, the Lambda handlers' (release phase, queue-depth publisher) and the
# cdk-nag checker's JavaScript tests,
# then the bundled samples synthesized twice and each form checked with cdk-nag (AwsSolutions + our Django pack)
# and cfn-lint:
#   agnostic  CDK_DEFAULT_ACCOUNT/REGION unset, what `cdk synth` makes without credentials: no account anywhere, and
#             no region for StaticSiteMinimal (the stacks with a DjangoEcs or DjangoEks fall back to us-east-1: they need a region);
#   concrete  account 123456789012 in us-east-1, what `cdk deploy` synthesizes with credentials; its lookups are
#             answered by the check fixtures in cdk.context.json.
# Each form counts three checks: synth (exit code 0: no error annotation, no unanswered lookup, no deprecation
# warning printed by the CDK runtime: the library must not use deprecated CDK APIs), cdk-nag (no
# unsuppressed finding) and cfn-lint (no error; warnings are printed but do not fail, see run_cfn_lint).
# Usage: scripts/test.sh   (from anywhere; needs the .NET 10 SDK, Node.js >= 20, cfn-lint 1.x, shellcheck, redis-server
# and openssl on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

# cfn-lint comes with the machine image (pip, Python 3.11); this network cannot reach PyPI, so say so and stop early.
if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "scripts/test.sh: cfn-lint (the AWS CloudFormation Linter, 1.x) is not on PATH." >&2
  echo "  It is installed with pip on the machine image (pip install 'cfn-lint>=1.51,<2' on Python 3.11);" >&2
  echo "  install it the same way, or from a wheel, and run again. The samples are linted with it, so the run stops here." >&2
  exit 1
fi

# The C# tests run shellcheck over DockerEc2's boot script (Debian: apt-get install shellcheck; .ci/run installs it).
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "scripts/test.sh: shellcheck is not on PATH; the DockerEc2 boot-script test needs it (apt-get install shellcheck)." >&2
  exit 1
fi

# The queue-depth publisher's tests start their own TLS redis-server, with certificates made by openssl in a temp folder
# (Debian: apt-get install redis-server openssl; .ci/run installs them). No system redis service is used.
for tool in redis-server openssl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "scripts/test.sh: $tool is not on PATH; the queue-depth publisher's tests (tests/handlers/queue-depth-publisher.test.js)" \
      "need redis-server and openssl (apt-get install redis-server openssl)." >&2
    exit 1
  fi
done

# One temp folder for the whole run, removed when it ends: everything its processes put in the temp folder goes with it
# (each .NET process that uses the CDK unpacks about 64 MB there; our programs remove theirs, see ProcessTempFolder,
# but a killed test host cannot). The logs and the synthesized samples live in it too.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/djangocdk-test-run.XXXXXX")
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR=$run_tmp
log_dir=$run_tmp/logs
mkdir "$log_dir"
# A run holds up to about 1.8 GB there at once (measured over a whole run). Too little space fails late and obscurely
# ("No space left on device"), so say so first.
free_mb=$(df -Pm "$run_tmp" | awk 'NR == 2 { print $4 }')
if [ "${free_mb:-0}" -lt 2500 ]; then
  echo "scripts/test.sh: warning: only ${free_mb} MB free in $(dirname "$run_tmp"); the run needs about 2 GB there." \
    "Free some space (or point TMPDIR elsewhere) if a step fails with \"No space left on device\"." >&2
fi
passed=0
failed=0
summary=()
started=$SECONDS

step() { printf '\n==> %s\n' "$*"; }

# record <check name> <exit status> [note]: counts one check and remembers it for the summary.
record() {
  local name=$1 status=$2 note=${3:-}
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1)); summary+=("PASS  $name${note:+  ($note)}")
  else
    failed=$((failed + 1)); summary+=("FAIL  $name${note:+  ($note)}")
  fi
}

# run_cfn_lint <cdk.out folder>: every synthesized template, with the one configuration file. Fails on errors only:
# warnings (deprecations announced ahead, legacy properties) are printed for the construct authors to act on, but
# AWS adds warning rules with every release and a new one must not break CI overnight. Ignored rules, by ID with
# their reasons, are in tools/cfn-lint/.cfnlintrc.yaml.
run_cfn_lint() {
  local out=$1 templates status=0
  mapfile -t templates < <(cd "$out" && find . -name '*.template.json' -not -path './asset.*' -printf '%P\n' | sort)
  if [ "${#templates[@]}" -eq 0 ]; then echo "cfn-lint: no *.template.json in $out"; return 1; fi
  (cd "$out" && cfn-lint --config-file "$repo/tools/cfn-lint/.cfnlintrc.yaml" --format parseable --non-zero-exit-code error \
    -- "${templates[@]}") >"$out.cfn-lint.log" 2>&1 || status=$?
  cat "$out.cfn-lint.log"
  local errors warnings
  errors=$(grep -cE '^[^:]+:[0-9]+:[0-9]+:[0-9]+:[0-9]+:E' "$out.cfn-lint.log" || true)
  warnings=$(grep -cE '^[^:]+:[0-9]+:[0-9]+:[0-9]+:[0-9]+:W' "$out.cfn-lint.log" || true)
  echo "cfn-lint: ${#templates[@]} templates, $errors errors, $warnings warnings (exit $status)"
  return "$status"
}

# check_form <form> <cdk.out folder>: cdk-nag, then cfn-lint, over one synthesized form; output to <folder>.checks.log.
# Records nothing: the caller records, so that forms checked in the background are counted in order.
check_form() {
  local form=$1 out=$2 nag=0 lint=0
  {
    printf '\n==> %s: cdk-nag (tools/cdk-nag-check)\n' "$form"
    (cd "$out" && node "$repo/tools/cdk-nag-check/check.js" .) || nag=$?
    printf '\n==> %s: cfn-lint (tools/cfn-lint/.cfnlintrc.yaml)\n' "$form"
    run_cfn_lint "$out" || lint=$?
  } >"$out.checks.log" 2>&1
  echo "$nag $lint" >"$out.checks.status"
}

# synth <form> <cdk.out folder> [dotnet run options]: the sample app as `cdk synth` runs it, in the form's
# environment. The CDK CLI's context variables are cleared so the app reads cdk.json and cdk.context.json itself.
synth() {
  local form=$1 out=$2; shift 2
  local -a form_env=(-u CDK_CONTEXT_JSON -u CONTEXT_OVERFLOW_LOCATION_ENV -u CDK_CONTEXT_FILE)
  if [ "$form" = agnostic ]; then
    form_env+=(-u CDK_DEFAULT_ACCOUNT -u CDK_DEFAULT_REGION)
  else
    form_env+=(CDK_DEFAULT_ACCOUNT=123456789012 CDK_DEFAULT_REGION=us-east-1)
  fi
  local status=0
  env "${form_env[@]}" CDK_OUTDIR="$out" dotnet run --project samples/DjangoCdk.Samples "$@" 2>&1 | tee "$out.synth.log" || status=$?
  if grep -E '^\[WARNING\] .* is deprecated' "$out.synth.log"; then
    echo "synth: the CDK runtime printed the deprecation warnings above; the samples must synthesize without them." >&2
    [ "$status" -ne 0 ] || status=1
  fi
  return "$status"
}

# A form's three checks, once its cdk-nag and cfn-lint have finished (or synthesis left nothing to check).
record_form() {
  local form=$1 out=$2 synth_status=$3 nag lint
  if [ -f "$out/manifest.json" ]; then
    [ -f "$out.checks.status" ] || check_form "$form" "$out"
    cat "$out.checks.log"
    read -r nag lint <"$out.checks.status"
    record "$form: synth" "$synth_status" "$([ "$synth_status" -eq 0 ] || echo "dotnet run exited $synth_status")"
    record "$form: cdk-nag" "$nag"
    record "$form: cfn-lint" "$lint"
  else
    record "$form: synth" 1 "no cloud assembly: dotnet run exited $synth_status"
    record "$form: cdk-nag" 1 "not run: nothing synthesized"
    record "$form: cfn-lint" 1 "not run: nothing synthesized"
  fi
}

# The JavaScript side runs in the background while the C# tests build and run: the cdk-nag checker's packages
# install (the checks need them only after the samples synthesize), then the JavaScript tests run.
step "JavaScript: npm ci for the cdk-nag checker, then node --test (in the background); $(cfn-lint --version)"
javascript() {
  npm ci --prefix tools/cdk-nag-check --no-audit --no-fund --loglevel=error || return 90
  node --test tests/handlers/ tests/frontend-function/ tools/cdk-nag-check/test/
}
javascript >"$log_dir/node.log" 2>&1 &
javascript_pid=$!

step "C# tests (dotnet test)"
set +e
dotnet test DjangoCdk.slnx --nologo 2>&1 | tee "$log_dir/dotnet.log"
dotnet_status=${PIPESTATUS[0]}
set -e
while read -r f p; do
  failed=$((failed + f)); passed=$((passed + p))
done < <(sed -nE 's/.*Failed:[[:space:]]+([0-9]+), Passed:[[:space:]]+([0-9]+),.*/\1 \2/p' "$log_dir/dotnet.log")
if [ "$dotnet_status" -ne 0 ]; then summary+=("FAIL  dotnet test exited $dotnet_status"); fi

# The packaging smoke test packs Release builds and installs them in a scratch app and tool path, nothing the other
# steps use: it runs in the background from here, while the samples synthesize, which leaves a core idle much of the
# time (2 cores: about 40 s saved). It starts once dotnet test has built every Debug
# project, so no two builds restore the same project: the steps alongside it run with --no-build and only read bin/Debug.
package_pid=
if [ -f scripts/package-test.sh ]; then
  bash scripts/package-test.sh >"$log_dir/package-test.log" 2>&1 &
  package_pid=$!
fi

step "JavaScript tests (node --test, run in the background since the start)"
node_status=0
wait "$javascript_pid" || node_status=$?
cat "$log_dir/node.log"
if [ "$node_status" -eq 90 ]; then echo "npm ci in tools/cdk-nag-check failed: the cdk-nag checks cannot run." >&2; exit 1; fi
node_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log_dir/node.log" | tail -1)
node_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log_dir/node.log" | tail -1)
passed=$((passed + ${node_pass:-0}))
failed=$((failed + ${node_fail:-0}))
if [ "$node_status" -ne 0 ]; then summary+=("FAIL  node --test exited $node_status"); fi
tests_done=$SECONDS

# The agnostic form's checks run in the background while the concrete form synthesizes (2 cores: ~15 s saved).
step "Samples, environment-agnostic form: synthesizing (no account; no region where a stack can do without)"
agnostic="$log_dir/agnostic.out"
agnostic_status=0
synth agnostic "$agnostic" --no-build || agnostic_status=$?
checks_pid=
if [ -f "$agnostic/manifest.json" ]; then
  check_form agnostic "$agnostic" &
  checks_pid=$!
fi

step "Samples, concrete form: synthesizing (account 123456789012, us-east-1)"
concrete="$log_dir/concrete.out"
concrete_status=0
synth concrete "$concrete" --no-build || concrete_status=$?

if [ -n "$checks_pid" ]; then wait "$checks_pid" || true; fi
record_form agnostic "$agnostic" "$agnostic_status"
record_form concrete "$concrete" "$concrete_status"

# The README's main command: django-cdk synth on the bundled config (django-cdk.yaml, the starter preset). Its
# account and region are in the file (the fixture account, as the concrete form above), so it has one form; the
# same constructs are checked environment-agnostic above.
step "django-cdk synth on the bundled config (django-cdk.yaml)"
cli="$log_dir/cli.out"
cli_status=0
env -u CDK_CONTEXT_JSON -u CONTEXT_OVERFLOW_LOCATION_ENV -u CDK_CONTEXT_FILE -u CDK_DEFAULT_ACCOUNT -u CDK_DEFAULT_REGION \
  dotnet run --project src/DjangoCdk.Cli --no-build -- synth --no-color --out "$cli" 2>&1 | tee "$log_dir/cli.synth.log" || cli_status=$?
record_form "django-cdk" "$cli" "$cli_status"
samples_done=$SECONDS

# The packaging smoke test ran in the background (see above): its result.
if [ -n "$package_pid" ]; then
  step "Packaging smoke test (scripts/package-test.sh, run in the background since the C# tests)"
  package_status=0
  wait "$package_pid" || package_status=$?
  cat "$log_dir/package-test.log"
  record "packaging smoke test (scripts/package-test.sh)" "$package_status"
fi

step "Summary"
for line in "${summary[@]}"; do echo "$line"; done
echo "time: tests $((tests_done - started)) s, samples $((samples_done - tests_done)) s, total $((SECONDS - started)) s"
echo
echo "$passed passed, $failed failed"
if [ "$dotnet_status" -ne 0 ] || [ "$node_status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
