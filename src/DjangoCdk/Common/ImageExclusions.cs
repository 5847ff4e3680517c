using Amazon.CDK;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// What an image's build context must leave out. The CDK excludes the cloud assembly folder from a Docker build
/// context by the outdir as given, which matches only a relative outdir; an app whose outdir is an absolute path inside
/// the context (a project built from its root, <c>cdk.out</c> beside the Dockerfile) would copy the assembly into
/// itself without end. This names that folder relative to the context instead.
/// </summary>
internal static class ImageExclusions
{
    /// <summary>The exclude patterns for a build context in <paramref name="directory"/>; null when nothing extra is needed.</summary>
    public static string[]? For(IConstruct scope, string directory)
    {
        var outdir = Stage.Of(scope)?.Outdir;
        if (outdir is null) return null;
        var relative = Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(outdir));
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : [relative.Replace(Path.DirectorySeparatorChar, '/')];
    }
}
