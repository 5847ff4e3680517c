using System.Text.Json;
using Amazon.CDK;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>A Docker image as the cloud assembly's asset manifest describes it to <c>cdk deploy</c>, which builds it.</summary>
/// <param name="Directory">The staged copy of the build context, inside the cloud assembly.</param>
/// <param name="DockerFile">The Dockerfile, relative to the build context.</param>
/// <param name="Platform">The platform <c>docker build --platform</c> is given, or null for the builder's own.</param>
/// <param name="Target">The stage <c>docker build --target</c> is given, or null for the last one.</param>
internal sealed record DockerImageSource(string Directory, string DockerFile, string? Platform, string? Target = null);

/// <summary>The stack's <c>*.assets.json</c>: what is built and uploaded before the template deploys (not part of the template).</summary>
internal static class AssetManifest
{
    /// <summary>The Docker images of <paramref name="stack"/>, synthesizing its app if that has not happened yet.</summary>
    public static IReadOnlyList<DockerImageSource> DockerImages(Stack stack)
    {
        var assembly = ((Stage)stack.Node.Root).Synth();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(assembly.Directory, stack.ArtifactId + ".assets.json")));
        if (!manifest.RootElement.TryGetProperty("dockerImages", out var images)) return [];
        return images.EnumerateObject().Select(image =>
        {
            var source = image.Value.GetProperty("source");
            return new DockerImageSource(
                Path.Combine(assembly.Directory, source.GetProperty("directory").GetString()!),
                source.TryGetProperty("dockerFile", out var file) ? file.GetString()! : "Dockerfile",
                source.TryGetProperty("platform", out var platform) ? platform.GetString() : null,
                source.TryGetProperty("dockerBuildTarget", out var target) ? target.GetString() : null);
        }).ToList();
    }
}
