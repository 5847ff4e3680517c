#!/usr/bin/env bash
# Package smoke test: packs DjangoCdk, checks the package's contents, installs it from a local folder feed into a
# fresh console app the way a user would (PACKAGE.md), synthesizes the five-line example and checks the template and
# that the CDK runtime's temp files are gone (ProcessTempFolder); the django-cdk tool the same way.
# Needs the .NET SDK, Node.js and unzip. Works offline as long as NuGet's cache holds Amazon.CDK.Lib and its
# dependencies: the registry is only asked about the DjangoCdk package, which it does not have.
#
#   bash scripts/package-test.sh
#
# Prints one line, "PASS: ..." or "FAIL: ...", and exits non-zero on failure (with the failing step's output above
# the FAIL line).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# The versions a user pairs with DjangoCdk: the ones it is built against (Directory.Packages.props; [x] means exactly x).
central_version() {
  sed -n "s:.*<PackageVersion Include=\"$1\" Version=\"\[*\([^]\"]*\)\]*\".*:\1:p" "$repo/Directory.Packages.props"
}
cdk_lib_version=$(central_version Amazon.CDK.Lib)
constructs_version=$(central_version Constructs)
# A version nobody else has used, so NuGet's cache can never hand back an older DjangoCdk.
version_suffix="smoke.$(date -u +%Y%m%d%H%M%S).$$"
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$repo/Directory.Build.props")-$version_suffix"
nuget_cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Outside the repository, so its Directory.Build.props and central package versions do not apply to the app.
work=$(mktemp -d "${TMPDIR:-/tmp}/djangocdk-package-test.XXXXXX")
feed=$work/feed
app=$work/Blog
step=starting

finish() {
  local status=$?
  rm -rf "$work" "$nuget_cache/djangocdk/$version" "$nuget_cache/djangocdk.cli/$version"
  rmdir "$nuget_cache/djangocdk" 2>/dev/null || true
  if [[ $status -eq 0 ]]; then
    echo "PASS: package-test: DjangoCdk $version packed, installed into a new console app and synthesized Blog (ECS service, RDS instance, release phase); the django-cdk tool packed, installed and run on django-cdk.yaml (${SECONDS}s)"
  else
    echo "FAIL: package-test: $step failed (${SECONDS}s)" >&2
  fi
  exit "$status"
}
trap finish EXIT

# run <step> <command...>: runs a command with its output kept in a log that is shown only when it fails.
run() {
  step=$1
  shift
  if ! "$@" >"$work/step.log" 2>&1; then
    cat "$work/step.log" >&2
    return 1
  fi
}

run "dotnet pack" dotnet pack "$repo/src/DjangoCdk" -c Release -o "$feed" -p:VersionSuffix="$version_suffix"
step="package contents"
nupkg=$feed/DjangoCdk.$version.nupkg
[[ -f $nupkg && -f $feed/DjangoCdk.$version.snupkg ]] || {
  echo "expected DjangoCdk.$version.nupkg and .snupkg in the feed, found: $(ls "$feed")" >&2
  false
}
contents=$(unzip -Z1 "$nupkg")
for file in PACKAGE.md LICENSE lib/net10.0/DjangoCdk.dll lib/net10.0/DjangoCdk.xml; do
  grep -qx "$file" <<<"$contents" || {
    echo "$file is missing from $(basename "$nupkg"), which holds: $contents" >&2
    false
  }
done

# The files PACKAGE.md shows users, from the packed readme: Program.cs (the five-line example), cdk.json, and the
# csproj that `dotnet new console` and the three `dotnet add package` commands give.
step="code blocks of PACKAGE.md"
unzip -p "$nupkg" PACKAGE.md >"$work/PACKAGE.md"
mkdir "$work/readme"
node - "$work/PACKAGE.md" "$work/readme" <<'EOF'
const fs = require("fs");
const [readme, out] = process.argv.slice(2);
const blocks = [...fs.readFileSync(readme, "utf8").matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)];
const wanted = { "Blog.csproj": ["xml", "<Project Sdk="], "cdk.json": ["json", '"app"'], "Program.cs": ["csharp", "app.Synth()"] };
for (const [file, [language, marker]] of Object.entries(wanted)) {
  const block = blocks.find(([, lang, text]) => lang === language && text.includes(marker));
  if (!block) {
    console.error(`PACKAGE.md has no ${language} block with ${marker} (${file})`);
    process.exit(1);
  }
  fs.writeFileSync(`${out}/${file}`, block[2]);
}
EOF

run "dotnet new console" dotnet new console --name Blog --output "$app" --no-restore
cd "$app"
cat >nuget.config <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="djangocdk-local" value="$feed" />
  </packageSources>
</configuration>
EOF
# The references placed where `dotnet add package` puts them (one step instead of three processes).
{
  grep -v '^</Project>' Blog.csproj
  cat <<EOF
  <ItemGroup>
    <PackageReference Include="Amazon.CDK.Lib" Version="$cdk_lib_version" />
    <PackageReference Include="Constructs" Version="$constructs_version" />
    <PackageReference Include="DjangoCdk" Version="$version" />
  </ItemGroup>

</Project>
EOF
} >Blog.csproj.new
mv Blog.csproj.new Blog.csproj
step="Blog.csproj as PACKAGE.md shows it"
diff <(sed '1s/^\xEF\xBB\xBF//' Blog.csproj) "$work/readme/Blog.csproj" >&2
cp "$work/readme/Program.cs" "$work/readme/cdk.json" .
cp -R "$repo/samples/backend" backend

# leaves_no_cdk_temp <folder> <what>: the program ran with TMPDIR=<folder> and must have taken away what the CDK's .NET
# runtime unpacks there (ProcessTempFolder: the packages' .tgz files, about 64 MB, and jsii-runtime.js). What
# `dotnet run` itself leaves (NuGet's scratch folder) is the SDK's.
leaves_no_cdk_temp() {
  step="$2 takes its temp files away"
  local left
  left=$(find "$1" \( -name 'djangocdk-tmp-*' -o -name '*.tgz' -o -name 'jsii-runtime.js' \) -print | head -5)
  [[ -z $left ]] || { echo "$2 left in its temp folder: $left" >&2; return 1; }
}

# What `cdk synth` does: run the app command from cdk.json with CDK_OUTDIR set, with a temp folder of its own.
app_command=$(node -p 'require("./cdk.json").app')
mkdir "$work/tmp"
run "synth ($app_command)" env CDK_OUTDIR="$work/cdk.out" TMPDIR="$work/tmp" bash -c "$app_command"
leaves_no_cdk_temp "$work/tmp" "the PACKAGE.md example"

step="template check"
node - "$work/cdk.out/Blog.template.json" <<'EOF'
const fs = require("fs");
const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.error(`${file} was not written`);
  process.exit(1);
}
const types = new Set(Object.values(JSON.parse(fs.readFileSync(file, "utf8")).Resources ?? {}).map((r) => r.Type));
// Custom::DjangoRelease needs the release handler embedded in the assembly: it proves the resource was packed.
const missing = ["AWS::ECS::Service", "AWS::RDS::DBInstance", "Custom::DjangoRelease"].filter((type) => !types.has(type));
if (missing.length > 0) {
  console.error(`Blog.template.json has no ${missing.join(" and no ")}`);
  process.exit(1);
}
EOF

# The django-cdk tool: packed as a .NET tool, installed from the same folder feed into a tool path (as
# dotnet tool install -g would), then run on the bundled config: its synth must write the ublog template.
run "dotnet pack (django-cdk tool)" dotnet pack "$repo/src/DjangoCdk.Cli" -c Release -o "$feed" -p:VersionSuffix="$version_suffix"
run "dotnet tool install (django-cdk)" dotnet tool install DjangoCdk.Cli --tool-path "$work/tools" --add-source "$feed" --version "$version"
mkdir "$work/tool-tmp"
# shellcheck disable=SC2016 # the positional parameters expand in the inner shell, on purpose
run "django-cdk synth (installed tool)" bash -c 'cd "$1" && env -u CDK_DEFAULT_ACCOUNT -u CDK_DEFAULT_REGION TMPDIR="$2/tool-tmp" "$2/tools/django-cdk" synth --no-color --out "$2/tool.out"' _ "$repo" "$work"
leaves_no_cdk_temp "$work/tool-tmp" "django-cdk synth"
step="django-cdk template check"
test -s "$work/tool.out/ublog.template.json" || { echo "django-cdk synth wrote no ublog.template.json" >&2; exit 1; }
rm -rf "$nuget_cache/djangocdk.cli/$version"
