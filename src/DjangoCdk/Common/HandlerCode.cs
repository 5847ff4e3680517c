using System.Security.Cryptography;
using Amazon.CDK.AWS.Lambda;

namespace DjangoCdk;

/// <summary>
/// A Lambda handler that ships inside the DjangoCdk assembly as one <c>index.js</c>: at synth time it is written to a
/// folder named after its content hash, and that folder becomes the Lambda asset. Nothing is fetched from the network.
/// </summary>
/// <remarks>
/// The asset hash comes from the folder's content, so it changes only when the handler's bytes do. One instance per
/// handler, held in a static field, extracts the file once per process.
/// </remarks>
internal sealed class HandlerCode
{
    /// <summary>The ECS release phase's handler (<c>Ecs/Release/handler/index.js</c>).</summary>
    public static readonly HandlerCode EcsRelease = new("DjangoCdk.ReleaseHandler.index.js", "djangocdk-release-handler-");

    /// <summary>The EKS release phase's handler (<c>Eks/Release/handler/index.js</c>).</summary>
    public static readonly HandlerCode EksRelease = new("DjangoCdk.EksReleaseHandler.index.js", "djangocdk-eks-release-handler-");

    /// <summary>The Celery queue-depth publisher (<c>Ecs/QueueDepth/handler/index.js</c>).</summary>
    public static readonly HandlerCode QueueDepth = new("DjangoCdk.QueueDepthHandler.index.js", "djangocdk-queue-depth-");

    private readonly string _resourceName;
    private readonly string _folderPrefix;
    private readonly Lazy<string> _folder;

    /// <summary>A handler embedded as <paramref name="resourceName"/>, extracted below the temp folder into <paramref name="folderPrefix"/> + hash.</summary>
    public HandlerCode(string resourceName, string folderPrefix)
    {
        _resourceName = resourceName;
        _folderPrefix = folderPrefix;
        _folder = new Lazy<string>(Extract);
    }

    /// <summary>The Lambda code asset.</summary>
    public Code Asset() => Code.FromAsset(_folder.Value);

    /// <summary>The handler's JavaScript source.</summary>
    public byte[] Source() => EmbeddedResource.Read(_resourceName);

    private string Extract()
    {
        var source = Source();
        var hash = Convert.ToHexString(SHA256.HashData(source))[..16].ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), _folderPrefix + hash);
        var file = Path.Combine(folder, "index.js");
        if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(source))
        {
            Directory.CreateDirectory(folder);
            var temp = file + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, source);
            File.Move(temp, file, overwrite: true);
        }

        return folder;
    }
}
