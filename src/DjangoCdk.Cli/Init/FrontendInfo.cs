namespace DjangoCdk.Cli;

/// <summary>A single-page app beside the Django project: a package.json with a build script.</summary>
/// <param name="PackageJson">The package.json, relative to the folder init was pointed at.</param>
/// <param name="BuildScript">The <c>build</c> script, as written.</param>
/// <param name="DistPath">The folder the build writes (dist/ or build/), relative to the folder init was pointed at.</param>
/// <param name="DistExists">Whether that folder exists now (it has been built).</param>
public sealed record FrontendInfo(string PackageJson, string BuildScript, string DistPath, bool DistExists);
